// A county's evaluations from one CSV file: the reviewer's KPIs and reviews, the
// inspector's check results. A template to fill, the file as saved (UTF-8 or GBK from
// Excel/WPS: the server tells them apart), every bad row listed, nothing half-imported.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { download, postText, type ApiError } from '../api';
import { ErrorAlert } from './data';
import { useSession } from '../session';
import type { WordKey as Key } from '../i18n';

/** What the import answers: how each row went (201), or accepted and going in (202). */
type ImportAnswer =
  | {
      imported: number;
      alreadySubmitted: number;
      notAccepted: number;
      rows: Array<{ line: number; employeeNo: string; outcome: string }>;
    }
  | { pending: true; rows: number };

/** Each import's words and element ids (the KPI import's ids predate the inspection one). */
const imports: Record<'marketing-reviews' | 'inspections', { id: string; title: Key; hint: Key; templateFile: Key }> = {
  'marketing-reviews': { id: 'kpi', title: 'importCsv', hint: 'importHint', templateFile: 'kpiTemplateFile' },
  inspections: {
    id: 'inspection-import',
    title: 'inspectionImportCsv',
    hint: 'inspectionImportHint',
    templateFile: 'inspectionTemplateFile',
  },
};

export function CsvImport({
  cycleId,
  kind,
  onImported,
  extra,
}: {
  cycleId: string;
  kind: keyof typeof imports;
  onImported: () => void;
  extra?: React.ReactNode;
}) {
  const { t } = useSession();
  const words = imports[kind];
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportAnswer>();
  const [error, setError] = useState<Error>();
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const r = await postText<ImportAnswer>(
        `/api/cycles/${cycleId}/${kind}/import`,
        await file.arrayBuffer(), // as saved: UTF-8, or GBK from Excel/WPS (the server tells them apart)
        'text/csv',
      );
      setResult(r);
      onImported();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t(words.title)} id={`${words.id}-form`} extra={extra}>
      <Typography.Paragraph type="secondary">{t(words.hint)}</Typography.Paragraph>
      <Space wrap>
        <Upload
          accept=".csv,text/csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(undefined)}
        >
          <Button icon={<UploadOutlined />} id={`${words.id}-file-button`}>
            {t('chooseFile')}
          </Button>
        </Upload>
        <Button type="primary" onClick={() => void send()} disabled={!file} loading={busy} id={`${words.id}-submit`}>
          {t('submit')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          id={`${words.id}-template`}
          onClick={() =>
            void download(`/api/cycles/${cycleId}/${kind}/template`, `${t(words.templateFile)}.csv`).catch(
              (e: unknown) => setError(e as ApiError),
            )
          }
        >
          {t('kpiTemplate')}
        </Button>
      </Space>
      <div id={`${words.id}-result`} style={{ marginTop: 12 }}>
        {result && 'pending' in result && (
          <Alert type="info" showIcon title={t('importPending').replace('{n}', String(result.rows))} />
        )}
        {result && !('pending' in result) && (
          <Alert
            type={result.notAccepted ? 'warning' : 'success'}
            showIcon
            title={`${t('imported')}: ${result.imported}（${t('alreadySubmitted')} ${result.alreadySubmitted}）`}
            description={result.rows
              .filter((r) => r.outcome === 'notAccepted')
              .map((r) => `${r.employeeNo}: ${t('importNotAccepted')}`)
              .join('；')}
          />
        )}
        <ErrorAlert error={error} />
      </div>
    </Card>
  );
}
