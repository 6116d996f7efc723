// 工资单: the month's pay statements, searched and paged, with totals in 元 and exports.
import { Button, Card, DatePicker, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { codeNames } from '@domain/codeNames';
import { download } from '../api';
import { ErrorAlert, Loading, useApi } from '../components/data';
import { formatMoney, formatNumber } from '../components/format';
import { useSession } from '../session';

interface Statement {
  employeeNo: string;
  name: string;
  county: string;
  assessedGrade: string;
  payGrade: string;
  basePostWage: number;
  floatingWage: number;
  seniorityWage: number;
  performanceCoefficient: number;
  performanceWage: number;
  total: number;
}
interface Pay {
  statements: Statement[];
  total: number;
  totals: { managers: number; total: number };
}

export function PayPage() {
  const { t, name, lang } = useSession();
  const [month, setMonth] = useState(() => sessionStorage.getItem('kaoping.payMonth') ?? dayjs().format('YYYY-MM'));
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [error, setError] = useState<Error>();
  const state = useApi<Pay>(
    `/api/pay/statements?month=${encodeURIComponent(month)}&page=${page}&pageSize=${pageSize}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  );
  const money = (v: unknown) => formatMoney(Number(v), lang);
  const grade = (g: unknown) => name('grade', String(g));
  const render: Partial<Record<keyof Statement, (v: unknown) => string>> = {
    assessedGrade: grade,
    payGrade: grade,
    basePostWage: money,
    floatingWage: money,
    seniorityWage: money,
    performanceCoefficient: (v) => formatNumber(Number(v)),
    performanceWage: money,
    total: money,
  };
  const columns: TableColumnsType<Statement> = (Object.keys(codeNames.payColumn) as (keyof Statement)[]).map((key) => ({
    title: name('payColumn', key),
    dataIndex: key,
    align: render[key] && !key.endsWith('Grade') ? ('right' as const) : undefined,
    render: render[key],
  }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} className="page-title">
        {t('payroll')}
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 12 }} id="pay-form">
          <DatePicker
            picker="month"
            value={dayjs(`${month}-01`)}
            allowClear={false}
            onChange={(d) => {
              if (!d) return;
              const m = d.format('YYYY-MM');
              sessionStorage.setItem('kaoping.payMonth', m);
              setMonth(m);
            }}
          />
          <Input.Search
            allowClear
            placeholder={t('searchTasks')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            style={{ width: 240 }}
          />
          <Button
            onClick={() =>
              void download(`/api/pay/statements?month=${month}&format=xlsx`, `pay-${month}.xlsx`).catch(setError)
            }
          >
            {t('exportXlsx')}
          </Button>
          <Button
            onClick={() =>
              void download(`/api/pay/statements?month=${month}&format=csv`, `pay-${month}.csv`).catch(setError)
            }
          >
            {t('exportCsv')}
          </Button>
        </Space>
        <ErrorAlert error={error} />
        <Loading state={state}>
          {(p) => {
            return (
              <Table<Statement>
                id="pay-table"
                size="small"
                rowKey="employeeNo"
                scroll={{ x: 1100 }}
                dataSource={p.statements}
                loading={state.loading}
                pagination={{
                  current: page,
                  pageSize,
                  total: p.total,
                  showSizeChanger: true,
                  showTotal: (n) => t('totalN', { n }),
                  onChange: (next, size) => {
                    setPage(next);
                    setPageSize(size);
                  },
                }}
                columns={columns}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={10}>
                      {`${t('total')}: ${p.totals.managers}`}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={10} align="right">
                      {money(p.totals.total)}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            );
          }}
        </Loading>
      </Card>
    </Space>
  );
}
