// The bell: the unread count, the latest notices with a link to their page, mark read.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { navigate } from '../router';
import { useSession } from '../session';
import { useApi } from './data';
import { formatTime } from './format';

interface Notice {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function NotificationBell() {
  const { t, lang } = useSession();
  const state = useApi<{ notices: Notice[]; unread: number }>('/api/notices?pageSize=8', { refreshMs: 30_000 });
  const unread = state.data?.unread ?? 0;
  const [shown, setShown] = useState(false);
  const open = async (n: Notice) => {
    setShown(false);
    if (!n.readAt) await api('POST', '/api/notices/read', { ids: [n.id] });
    await state.reload();
    if (n.link) navigate(n.link);
  };
  const content = (
    <div style={{ width: 340 }} id="notice-list">
      <List
        size="small"
        loading={state.loading && !state.data}
        locale={{ emptyText: t('noNotifications') }}
        dataSource={state.data?.notices ?? []}
        renderItem={(n) => (
          <List.Item
            className={n.readAt ? 'notice-read' : 'notice-unread'}
            style={{ cursor: 'pointer' }}
            onClick={() => void open(n)}
          >
            <List.Item.Meta
              title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
              description={formatTime(n.createdAt, lang)}
            />
          </List.Item>
        )}
      />
      {unread > 0 && (
        <Button
          type="link"
          onClick={() => void api('POST', '/api/notices/read', { all: true }).then(() => state.reload())}
        >
          {t('markAllRead')}
        </Button>
      )}
    </div>
  );
  return (
    <Popover
      content={content}
      title={t('notifications')}
      trigger="click"
      placement="bottomRight"
      open={shown}
      onOpenChange={setShown}
    >
      <Badge count={unread} size="small" id="notice-count">
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications')} />
      </Badge>
    </Popover>
  );
}
