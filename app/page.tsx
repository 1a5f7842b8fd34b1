export default function HomePage() {
  return <main className="p-6 text-sm">LB-IPAM dashboard</main>;
}
