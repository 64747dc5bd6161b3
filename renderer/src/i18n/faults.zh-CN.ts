import type faultsEn from './faults.en';
import type { DeepStringRecord } from './types';

/** 故障提示（钥匙串、磁盘、损坏的文件）的简体中文文案。 */
const faultsZh: DeepStringRecord<typeof faultsEn> = {
  // 中文句号之后直接接下一句，不加空格。
  followUp: '{{text}}',
  keychain: {
    waiting: '正在等待系统钥匙串…',
    waitingHint: '如果系统询问是否允许 Ferry 使用已保存的密钥，请在弹出的对话框中作答。',
    problem: {
      absent: {
        title: '没有可用的系统钥匙串',
        hint: '保存在钥匙串中的密钥无法读取。请启动 GNOME 密钥环或 KWallet，或重新填写密钥并仅在本次会话中使用。缺少密钥时，Ferry 不会发出任何请求。',
      },
      locked: {
        title: '系统钥匙串已锁定',
        hint: '请先解锁（Linux 上可打开“密码和密钥”，或注销后重新登录），然后重试。缺少密钥时，Ferry 不会发出任何请求。',
      },
      not_responding: {
        title: '系统钥匙串没有响应',
        hint: 'Ferry 会自动重试。如果一直这样，请重启密钥环服务（gnome-keyring-daemon），或注销后重新登录。缺少密钥时，Ferry 不会发出任何请求。',
      },
      error: {
        title: '系统钥匙串出错',
        hint: 'Ferry 会自动重试。缺少密钥时，Ferry 不会发出任何请求。',
      },
    },
    nextTry: '{{seconds}} 秒后再次尝试。',
    retry: '重试',
    detail: '技术细节：{{reason}}',
    keyUnreadable: '已保存在系统钥匙串中 · 暂时无法读取',
  },
  storage: {
    problem: {
      full: {
        title: '磁盘已满',
        hint: '腾出空间之前，新消息和更改都无法保存。已保存的内容不受影响；回答会继续显示，一有空间就会保存。',
      },
      read_only: {
        title: '历史记录为只读',
        hint: 'Ferry 的数据文件夹无法写入（处于只读状态，或权限被更改）。已保存的内容仍可阅读；恢复可写之前，新内容不会被保存。',
      },
      io: {
        title: '磁盘读写出错',
        hint: '一次写入因输入/输出错误而失败。已保存的内容都还在；请检查磁盘后重试。',
      },
    },
    readOnlyMode: '已以只读方式打开。',
    folder: '数据文件夹：{{path}}',
    retry: '重试',
  },
  unsaved: {
    full: '磁盘已满——还有 {{chars}} 个字符未保存',
    read_only: '只读——还有 {{chars}} 个字符未保存',
    io: '磁盘出错——还有 {{chars}} 个字符未保存',
    retry: '重试',
  },
  settingsFile: {
    title: '设置文件已损坏',
    hint: 'Ferry 已将它移到一旁（没有删除任何文件），并以默认设置启动。你的连接保存在之前的副本中。',
    movedTo: '已移至：{{path}}',
    restore: '恢复 {{time}} 的设置 · 连接数：{{count}}',
    keep: '保留默认设置',
    noCopy: '没有可恢复的旧副本。损坏的文件仍在原处，如需要可以手动修复。',
    failed: '无法恢复这个副本。',
  },
};

export default faultsZh;
