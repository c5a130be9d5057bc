// Saving an exported template: a Blob offered through an <a download> click. The object URL is a
// download, not a fetch, so the page's Content-Security-Policy (no blob: sources) does not block it.

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started by now; the object URL is no longer needed.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
