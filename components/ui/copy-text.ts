'use client';

/**
 * Puts text on the clipboard. The Clipboard API exists only in secure contexts, and a dashboard on
 * the LAN is often plain http://host:3000: there the old copy command of a selected text field does
 * it. Resolves false when neither works (the caller leaves the text selectable).
 */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // denied: try the fallback
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
