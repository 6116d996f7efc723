// The result sheet (考评表) as it prints: the API renders the A4 document (the same HTML
// its PDF is printed from), shown here in a frame with Print and Download PDF.
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Space } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { download, getText } from '../api';
import { ErrorAlert, ProblemResult } from '../components/data';
import { useSession } from '../session';

export function ResultSheetPage({ path, fileName, back }: { path: string; fileName: string; back: string }) {
  const { t, lang } = useSession();
  const [html, setHtml] = useState<string>();
  const [error, setError] = useState<Error>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<Error>();
  const frame = useRef<HTMLIFrameElement>(null);
  const load = useCallback(() => {
    setError(undefined);
    getText(`${path}${path.includes('?') ? '&' : '?'}format=html`).then(setHtml, setError);
  }, [path]);
  useEffect(load, [load, lang]);
  // The frame grows to its document: the page scrolls, not the frame.
  const fit = () => {
    const doc = frame.current?.contentDocument;
    if (doc && frame.current) frame.current.style.height = `${doc.documentElement.scrollHeight + 8}px`;
  };
  const pdf = () => {
    setSaving(true);
    setSaveError(undefined);
    download(`${path}${path.includes('?') ? '&' : '?'}format=pdf`, `${fileName}.pdf`)
      .catch(setSaveError)
      .finally(() => setSaving(false));
  };
  if (error && !html) return <ProblemResult error={error} onRetry={load} />;
  return (
    <Card
      title={t('resultSheet')}
      extra={
        <Space>
          <Button href={back}>{t('backToResult')}</Button>
          <Button icon={<PrinterOutlined />} disabled={!html} onClick={() => frame.current?.contentWindow?.print()}>
            {t('printSheet')}
          </Button>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={saving}
            disabled={!html}
            onClick={pdf}
            id="sheet-pdf"
          >
            {t('downloadPdf')}
          </Button>
        </Space>
      }
      styles={{ body: { padding: 0, background: '#f0f2f5' } }}
    >
      <ErrorAlert error={saveError} />
      {html === undefined ? (
        <Skeleton active paragraph={{ rows: 10 }} style={{ padding: 24 }} aria-label={t('loading')} />
      ) : html.includes('class="sheet"') ? (
        <iframe
          ref={frame}
          id="sheet-frame"
          title={t('resultSheet')}
          srcDoc={html}
          sandbox="allow-same-origin allow-modals"
          onLoad={fit}
          style={{ width: '100%', border: 0, minHeight: 600, display: 'block' }}
        />
      ) : (
        <Empty description={t('noSheets')} style={{ padding: 48 }} />
      )}
    </Card>
  );
}
