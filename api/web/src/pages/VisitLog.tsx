// 工作本与首末签到: a manager's month of visit days (route, planned and visited customers,
// mileage, the first and last check-in of the day with who recorded it) and the month's
// facts the inspection looks at. The manager records their own days; the county's
// inspector records check-ins from the phone report.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { ErrorAlert, Loading, useApi } from '../components/data';
import { countyName, formatNumber, formatTime, person, todayInShanghai } from '../components/format';
import { useSubmit } from '../components/useSubmit';
import { useManagerSearch } from '../components/useManagerSearch';
import type { MonthFacts } from '@domain/visitLog';
import { navigate } from '../router';
import { useSession } from '../session';

interface CheckIn {
  time: string;
  place: string;
}
interface Day {
  date: string;
  route: string;
  note: string;
  plannedCustomerIds: string[];
  visitedCustomerIds: string[];
  mileageKm: number;
  firstCheckIn: CheckIn | null;
  lastCheckIn: CheckIn | null;
  firstCheckInBy: string | null;
  lastCheckInBy: string | null;
  updatedBy: string | null;
}
interface Month {
  manager: { id: string; name: string; employeeNo: string; county: { name: string; nameEn: string } };
  month: string;
  canRecord: boolean;
  canReview: boolean;
  weeks: { weekStart: string; review: { reviewer: string | null; comment: string; at: string } | null }[];
  facts: MonthFacts;
  customers: { id: string; name: string; licenceNo: string }[];
  days: Day[];
}

export function VisitLogPage({ managerId }: { managerId?: string }) {
  const { t, me } = useSession();
  const id = managerId ?? me?.managerId ?? undefined;
  const [month, setMonth] = useState(() => todayInShanghai().slice(0, 7));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="page-title">
          {t('visitLog')}
        </Typography.Title>
        <Space wrap>
          <ManagerPicker value={id} onChange={(m) => navigate(`#/visit-log/${m}`)} />
          <DatePicker
            id="visit-month"
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d: dayjs.Dayjs | null) => d && setMonth(d.format('YYYY-MM'))}
          />
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t('visitLogIntro')}</Typography.Paragraph>
      {id ? (
        <MonthView managerId={id} month={month} key={`${id}/${month}`} />
      ) : (
        <Alert type="info" message={t('pickManager')} />
      )}
    </Space>
  );
}

/** Staff pick the manager whose log they read (their county's); a manager reads their own. */
function ManagerPicker({ value, onChange }: { value?: string; onChange: (id: string) => void }) {
  const { t, has } = useSession();
  const staff = has('HR', 'ADMIN', 'CITY_APPROVER', 'COUNTY_HEAD', 'INSPECTOR', 'MARKETING_REVIEWER');
  const { found, setSearch } = useManagerSearch(staff);
  if (!staff) return null;
  return (
    <Select
      id="visit-manager"
      showSearch
      filterOption={false}
      onSearch={setSearch}
      placeholder={t('pickManager')}
      style={{ minWidth: 220 }}
      value={found.some((m) => m.id === value) ? value : undefined}
      onChange={onChange}
      options={found.map((m) => ({ value: m.id, label: person(m) }))}
    />
  );
}

function MonthView({ managerId, month }: { managerId: string; month: string }) {
  const { t, lang } = useSession();
  const state = useApi<Month>(`/api/visit-log?managerId=${managerId}&month=${month}`);
  const [editing, setEditing] = useState<Day | 'new' | null>(null);
  return (
    <Loading state={state}>
      {(m) => {
        const customer = new Map(m.customers.map((c) => [c.id, c.name]));
        const names = (ids: string[]) => ids.map((i) => customer.get(i) ?? '—').join('、');
        return (
          <>
            <Typography.Text
              strong
            >{`${person(m.manager)} · ${countyName(m.manager.county, lang)} · ${m.month}`}</Typography.Text>
            <VisitFactsCard facts={m.facts} />
            <Card
              title={t('visitDays')}
              extra={
                m.canRecord && (
                  <Button type="primary" icon={<PlusOutlined />} id="record-day" onClick={() => setEditing('new')}>
                    {t('recordDay')}
                  </Button>
                )
              }
            >
              <Table<Day>
                id="visit-days"
                rowKey="date"
                size="small"
                scroll={{ x: 1000 }}
                pagination={false}
                dataSource={m.days}
                locale={{ emptyText: t('noVisitDays') }}
                columns={[
                  { title: t('date'), dataIndex: 'date', width: 110 },
                  { title: t('route'), dataIndex: 'route', ellipsis: true },
                  {
                    title: t('plannedVisits'),
                    render: (_: unknown, d) => (
                      <span title={names(d.plannedCustomerIds)}>{d.plannedCustomerIds.length}</span>
                    ),
                  },
                  {
                    title: t('visitsMade'),
                    render: (_: unknown, d) => (
                      <span title={names(d.visitedCustomerIds)}>{d.visitedCustomerIds.length}</span>
                    ),
                  },
                  { title: t('mileage'), render: (_: unknown, d) => `${formatNumber(d.mileageKm, 1)} km` },
                  {
                    title: t('firstCheckIn'),
                    render: (_: unknown, d) => <CheckInCell c={d.firstCheckIn} by={d.firstCheckInBy} />,
                  },
                  {
                    title: t('lastCheckIn'),
                    render: (_: unknown, d) => <CheckInCell c={d.lastCheckIn} by={d.lastCheckInBy} />,
                  },
                  ...(m.canRecord
                    ? [
                        {
                          title: '',
                          width: 60,
                          render: (_: unknown, d: Day) => (
                            <Button
                              size="small"
                              icon={<EditOutlined />}
                              aria-label={t('edit')}
                              onClick={() => setEditing(d)}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <WeekReviews
              managerId={managerId}
              weeks={m.weeks}
              canReview={m.canReview}
              onSaved={() => void state.reload()}
            />
            <DayForm
              managerId={managerId}
              month={m.month}
              customers={m.customers}
              day={editing}
              onClose={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                void state.reload();
              }}
            />
          </>
        );
      }}
    </Loading>
  );
}

/** The county's weekly review (按周批阅): each week of the month, read or not, with the comment. */
function WeekReviews(props: { managerId: string; weeks: Month['weeks']; canReview: boolean; onSaved: () => void }) {
  const { t, lang } = useSession();
  const [week, setWeek] = useState<string | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  const { busy, error, submit } = useSubmit<{ comment: string }>(form, async (v) => {
    await api('PUT', `/api/visit-log/${props.managerId}/weeks/${week}/review`, v);
    setWeek(null);
    props.onSaved();
  });
  const today = todayInShanghai();
  return (
    <Card title={t('weekReviews')} id="week-reviews">
      <List
        size="small"
        dataSource={props.weeks}
        renderItem={(w) => (
          <List.Item
            actions={
              props.canReview && w.weekStart <= today
                ? [
                    <Button
                      key="review"
                      size="small"
                      className="review-week"
                      onClick={() => {
                        form.setFieldsValue({ comment: w.review?.comment ?? '' });
                        setWeek(w.weekStart);
                      }}
                    >
                      {t('reviewWeek')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={`${w.weekStart} ~ ${dayjs(w.weekStart).add(6, 'day').format('YYYY-MM-DD')}`}
              description={
                w.review ? (
                  <span className="week-review">{`${w.review.reviewer ?? ''}${t('colon')}${w.review.comment} · ${formatTime(w.review.at, lang)}`}</span>
                ) : (
                  <Tag>{t('notReviewed')}</Tag>
                )
              }
            />
          </List.Item>
        )}
      />
      <Modal
        title={`${t('reviewWeek')} · ${week ?? ''}`}
        open={!!week}
        onCancel={() => setWeek(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" id="week-review-form" onFinish={(v) => void submit(v)}>
          <Form.Item name="comment" label={t('reviewComment')} rules={[{ required: true, min: 2, max: 1000 }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <ErrorAlert error={error} />
        </Form>
      </Modal>
    </Card>
  );
}

function CheckInCell({ c, by }: { c: CheckIn | null; by: string | null }) {
  const { t } = useSession();
  if (!c) return <Tag color="red">{t('notCheckedIn')}</Tag>;
  return (
    <span>
      {`${c.time} ${c.place}`}
      {by && <Typography.Text type="secondary">{` · ${by}`}</Typography.Text>}
    </span>
  );
}

/** The month's facts, as the inspection reads them (首末签到, 工作本). */
export function VisitFactsCard({ facts, title, link }: { facts: MonthFacts; title?: string; link?: string }) {
  const { t } = useSession();
  return (
    <Card title={title ?? t('visitFacts')} extra={link && <a href={link}>{t('visitLog')}</a>} id="visit-facts">
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic title={t('daysLogged')} value={facts.daysLogged} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('daysBothCheckIns')}
            value={facts.daysWithBothCheckIns}
            suffix={`/ ${facts.daysLogged}`}
            valueStyle={facts.daysMissingCheckIn.length ? { color: '#cf1322' } : undefined}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('visitsOnPlan')}
            value={facts.visitedOnPlan}
            suffix={`/ ${facts.planned}${facts.planShare === null ? '' : `（${formatNumber(facts.planShare * 100, 0)}%）`}`}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('mileage')} value={formatNumber(facts.mileageKm, 1)} suffix="km" />
        </Col>
      </Row>
      {facts.daysMissingCheckIn.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          id="missing-check-ins"
          message={`${t('missingCheckIns')}${t('colon')}${facts.daysMissingCheckIn.join('、')}`}
        />
      )}
    </Card>
  );
}

interface DayValues {
  date: string;
  route: string;
  plannedCustomerIds: string[];
  visitedCustomerIds: string[];
  mileageKm: number;
  firstTime?: string;
  firstPlace?: string;
  lastTime?: string;
  lastPlace?: string;
  note?: string;
}

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

function DayForm(props: {
  managerId: string;
  month: string;
  customers: Month['customers'];
  day: Day | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useSession();
  const [form] = Form.useForm<DayValues>();
  const day = props.day === 'new' ? null : props.day;
  useEffect(() => {
    if (!props.day) return;
    form.resetFields();
    if (day)
      form.setFieldsValue({
        date: day.date,
        route: day.route,
        plannedCustomerIds: day.plannedCustomerIds,
        visitedCustomerIds: day.visitedCustomerIds,
        mileageKm: day.mileageKm,
        firstTime: day.firstCheckIn?.time,
        firstPlace: day.firstCheckIn?.place,
        lastTime: day.lastCheckIn?.time,
        lastPlace: day.lastCheckIn?.place,
        note: day.note,
      });
  }, [props.day, day, form]);
  const checkIn = (time?: string, place?: string) => (time && place ? { time, place } : null);
  const { busy, error, submit } = useSubmit<DayValues>(form, async (v) => {
    await api('PUT', `/api/visit-log/${props.managerId}/${v.date}`, {
      route: v.route ?? '',
      plannedCustomerIds: v.plannedCustomerIds ?? [],
      visitedCustomerIds: v.visitedCustomerIds ?? [],
      mileageKm: v.mileageKm ?? 0,
      firstCheckIn: checkIn(v.firstTime, v.firstPlace),
      lastCheckIn: checkIn(v.lastTime, v.lastPlace),
      note: v.note ?? '',
    });
    void message.success(t('daySaved'));
    props.onSaved();
  });
  const options = props.customers.map((c) => ({ value: c.id, label: `${c.name}（${c.licenceNo}）` }));
  const required = { required: true, message: t('required') };
  const timeRule = { pattern: timePattern, message: 'HH:MM' };
  return (
    <Drawer title={t('recordDay')} open={!!props.day} onClose={props.onClose} width={560} destroyOnHidden>
      <Form form={form} layout="vertical" id="day-form" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="date"
          label={t('date')}
          rules={[required]}
          initialValue={todayInShanghai()}
          getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })}
          normalize={(d: dayjs.Dayjs | null) => d?.format('YYYY-MM-DD')}
        >
          <DatePicker disabled={!!day} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item name="route" label={t('route')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="plannedCustomerIds" label={t('plannedVisits')}>
          <Select mode="multiple" options={options} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="visitedCustomerIds" label={t('visitsMade')}>
          <Select mode="multiple" options={options} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="mileageKm" label={`${t('mileage')} (km)`} initialValue={0}>
          <InputNumber min={0} max={1000} step={0.1} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="firstTime" label={t('firstCheckIn')} rules={[timeRule]}>
              <Input placeholder="08:30" maxLength={5} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="firstPlace"
              label={t('place')}
              dependencies={['firstTime']}
              rules={[
                ({ getFieldValue }) => ({ required: !!getFieldValue('firstTime'), message: t('required') }),
                { max: 100 },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="lastTime" label={t('lastCheckIn')} rules={[timeRule]}>
              <Input placeholder="17:10" maxLength={5} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="lastPlace"
              label={t('place')}
              dependencies={['lastTime']}
              rules={[
                ({ getFieldValue }) => ({ required: !!getFieldValue('lastTime'), message: t('required') }),
                { max: 100 },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <ErrorAlert error={error} />
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('save')}
        </Button>
      </Form>
    </Drawer>
  );
}
