// 中文 / English, on the login page and in the header; signed in, it is saved on the account.
import { Segmented } from 'antd';
import { useSession } from '../session';

export function LanguageSwitch({ long = false }: { long?: boolean }) {
  const { lang, setLanguage } = useSession();
  return (
    <Segmented
      id="lang-switch"
      size="small"
      value={lang}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: long ? 'English' : 'EN', value: 'en' },
      ]}
      onChange={(v) => void setLanguage(v as 'zh-CN' | 'en')}
    />
  );
}
