// Writes docs/messages.md from the compiled catalogue (lib/messages/rule-table.js).
import { writeFileSync } from 'node:fs';
import { messagesDocument } from '../lib/messages/rule-table.js';

writeFileSync('docs/messages.md', messagesDocument());
console.log('已写入 docs/messages.md');
