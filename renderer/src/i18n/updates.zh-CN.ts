import type updatesEn from './updates.en';
import type { DeepStringRecord } from './types';

/** 更新功能（设置 → 更新）的中文文案。 */
const updatesZh: DeepStringRecord<typeof updatesEn> = {
  title: '更新',
  current: '当前版本：Ferry {{version}}',
  autoCheck: '自动检查更新',
  autoCheckHelp: '默认关闭。开启后，Ferry 每天通过你设置的代理检查一次；下载和安装都会先征得你的同意。',
  feed: '更新来源',
  feeds: {
    github: 'GitHub 发布页',
    mirror: '镜像站',
  },
  mirrorUrl: '镜像地址',
  mirrorHelp: '存放 Ferry 发布文件（latest.yml 和安装包）的目录，例如 https://mirror.example.com/ferry/。必须以 https:// 开头。',
  save: '保存',
  check: '检查更新',
  checking: '正在检查…',
  upToDate: 'Ferry 已是最新版本（最新：{{version}}）。',
  available: '有新版本：Ferry {{version}}。',
  download: '下载',
  downloading: '正在下载 {{percent}}%…',
  downloaded: 'Ferry {{version}} 已可安装。安装前会先把你的对话记录复制到备份文件夹。',
  install: '重启并安装',
  openPage: '打开下载页面',
  manualOnly: '当前这份 Ferry 无法自行安装更新，请从发布页面下载新版本。',
  checkedAt: '上次检查：{{time}}',
  errors: {
    offline: '无法连接更新服务器。请检查网络或代理设置，或改用镜像站。',
    proxy: '代理拒绝了请求，或需要用户名和密码。',
    http: '更新服务器上没有找到发布版本（{{detail}}）。',
    malformed: '更新服务器返回的不是 Ferry 的版本说明文件。',
    invalid_url: '镜像地址必须以 https:// 开头。',
    no_feed: '这个版本没有配置更新来源。请设置镜像站，或手动下载。',
    download_failed: '下载失败或校验未通过，未安装任何内容。',
    snapshot_failed: '安装前无法备份对话记录，因此没有安装。',
  },
};

export default updatesZh;
