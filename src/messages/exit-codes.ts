// How a command ends, for scripts: the exit code of each kind of outcome. Every catalogue entry
// names one (catalogue.ts); the commands return them (commands/).

/** 0 done, 1 the content or the templates have errors, 2 the command was used wrongly (or outside a project),
 *  69 a program it needs is missing or will not start (Chromium, Pagefind), or the machine refused
 *  a file (disk full, no permission), 70 a bug, 75 a program crashed or hung mid-run (try again),
 *  130 stopped by Ctrl+C (128 + SIGINT, as a shell says it), 143 ended by SIGTERM (128 + 15). */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2, unavailable: 69, bug: 70, toolFailed: 75, interrupted: 130, terminated: 143 } as const;

export type ExitName = keyof typeof EXIT;

/** What each exit code means, for docs/messages.md. */
export const EXIT_MEANINGS: Record<ExitName, string> = {
  ok: '完成（警告和提示不会让生成停下）',
  contentErrors: '稿件或模板有错误；npm run import：有文件没有导入',
  usage: '命令或选项写错了，或不是在刊物项目的文件夹里运行的',
  unavailable: '需要的程序找不到或启动不了（Chromium、中文字体、Pagefind），或磁盘不让读写文件（满了、没有权限、只读）',
  bug: '程序的问题：信息中有给维护人员的调用栈',
  toolFailed: '程序在运行中崩溃、卡住或答非所问（Chromium、Pagefind）：释放内存后再试，或不加 --pdf 生成',
  interrupted: '按了 Ctrl+C：生成在发布新网站之前停下时，输出的文件夹保持原样',
  terminated: '被结束（收到结束信号 SIGTERM：如定时任务超时、关机或 kill 命令）：生成在发布新网站之前停下时，输出的文件夹保持原样',
};
