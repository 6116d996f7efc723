// The peer review's form (同级考评): the rater's assigned peers, each rated 0–100 on the
// peer items, with the promise of anonymity said where it is given.
import { Alert, Form, Input, InputNumber, Table, Typography } from 'antd';
import { peerItemNames, peerItems, peerMinimumRaters, type PeerItem } from '@domain/peerReview';
import { useSession } from '../session';
import { person } from './format';

export interface PeerToRate {
  id: string;
  name: string;
  employeeNo: string;
}

export function PeerRatings({ prefix, peers }: { prefix: string; peers: PeerToRate[] }) {
  const { t, lang } = useSession();
  const required = { required: true, message: t('required') };
  const notice = <Alert type="info" showIcon title={t('peerAnonymous', { min: peerMinimumRaters })} />;
  if (!peers.length)
    return (
      <>
        {notice}
        <Typography.Paragraph id="peer-none" style={{ marginTop: 12 }}>
          {t('peerNone')}
        </Typography.Paragraph>
        <Form.Item name={prefix} initialValue={[]} hidden>
          <Input />
        </Form.Item>
      </>
    );
  return (
    <>
      {notice}
      <Table
        id="peer-ratings"
        size="small"
        style={{ marginTop: 12, marginBottom: 16 }}
        pagination={false}
        rowKey="id"
        scroll={{ x: 640 }}
        dataSource={peers.map((p, i) => ({ ...p, i }))}
        columns={[
          {
            title: t('manager'),
            render: (_: unknown, r) => (
              <>
                <Form.Item name={[prefix, r.i, 'managerId']} initialValue={r.id} hidden>
                  <Input />
                </Form.Item>
                <strong>{person(r)}</strong>
              </>
            ),
          },
          ...peerItems.map((item: PeerItem) => ({
            title: peerItemNames[item][lang],
            render: (_: unknown, r: { i: number }) => (
              <Form.Item name={[prefix, r.i, item]} rules={[required]} style={{ margin: 0 }}>
                <InputNumber min={0} max={100} step={1} precision={0} style={{ width: 100 }} />
              </Form.Item>
            ),
          })),
        ]}
      />
    </>
  );
}

/** A submitted peer review as its rater reads it back; anyone else is told it is hidden. */
export function PeerRatingsView({ ratings, peers }: { ratings: unknown; peers?: PeerToRate[] | null }) {
  const { t, lang } = useSession();
  if (!Array.isArray(ratings)) return <Typography.Text id="peer-hidden">{t('peerHidden')}</Typography.Text>;
  return (
    <Table
      id="peer-ratings-view"
      size="small"
      pagination={false}
      rowKey="managerId"
      dataSource={ratings as ({ managerId: string } & Record<PeerItem, number>)[]}
      columns={[
        {
          title: t('manager'),
          render: (_: unknown, r) => person(peers?.find((p) => p.id === r.managerId)) || r.managerId,
        },
        ...peerItems.map((item) => ({ title: peerItemNames[item][lang], dataIndex: item })),
      ]}
    />
  );
}
