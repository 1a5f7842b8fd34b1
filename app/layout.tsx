import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/lib/queries/providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'LB-IPAM dashboard',
  description: 'LoadBalancer IPs of a Cilium LB-IPAM cluster, live',
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
