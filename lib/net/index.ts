export * from './address';
export * from './range';
