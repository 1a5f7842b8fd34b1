export { nodeAnchor, nodeHref } from '@/lib/inventory/view/links';
