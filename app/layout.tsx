import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/lib/queries/providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'LB-IPAM dashboard',
  description: 'LoadBalancer IPs of a Cilium LB-IPAM cluster, live',
  // Inline icon: no extra file to serve, no 404 in the console.
  icons: {
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%230284c7'/%3E%3Cpath d='M4 4h2v6h6v2H4z' fill='white'/%3E%3C/svg%3E",
  },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-zinc-50 font-sans text-zinc-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
