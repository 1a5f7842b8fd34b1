export { ipHref } from '@/lib/inventory/view/links';
