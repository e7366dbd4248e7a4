import { useEffect, useRef, useState } from 'react';
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// PDF.js draws the pages on canvases inside the app: the content policy refuses embedded viewers
// (object-src 'none', frame-src 'none'), and a scan must not leave the app to be looked at.
GlobalWorkerOptions.workerSrc = workerUrl;

/** The pages of a PDF held in memory, drawn one under the other; nothing is written to disk. */
export function PdfPreview({ base64, label }: { base64: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const task = getDocument({ data: bytes, isEvalSupported: false });
    let cancelled = false;
    void task.promise
      .then(async (pdf) => {
        for (let n = 1; n <= pdf.numPages && !cancelled; n++) {
          const page = await pdf.getPage(n);
          const viewport = page.getViewport({ scale: 1.3 });
          const canvas = document.createElement('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.className = 'scan-preview';
          canvas.setAttribute('aria-label', `${label}, page ${n} sur ${pdf.numPages}`);
          canvas.setAttribute('role', 'img');
          await page.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
          if (!cancelled) container.current?.append(canvas);
        }
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [base64, label]);
  return (
    <div ref={container}>{failed && <p>Ce PDF ne peut pas être affiché ici (fichier endommagé ?) : exportez-le pour l’ouvrir.</p>}</div>
  );
}
