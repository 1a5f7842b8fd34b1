export * from './objects';
export * from './cluster-state';
export * from './annotations';
export * from './conditions';
export * from './selector';
export * from './service';
export * from './pool';
export * from './l2-policy';
