// What a PDF says about itself (the document properties a PDF viewer, a screen reader, a search
// tool or a records system reads): its title, author, subject, language and the program that made
// it. Chromium writes the page's title and calls itself the creator; the rest is added here with
// pdf-lib, which rewrites the document's information dictionary and keeps the pages, tags and
// outline as Chromium made them. Everything is read from the printed page itself, so that a PDF
// kept in the cache under its page's hash always says what that page says.
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';

/** The program named as the PDF's creator. */
export const PDF_CREATOR = '联络动态发布程序（lianluodongtai）';

export interface PdfMetadata {
  /** 联络动态 2019年第9期（总第583期）: the page's <title> */
  title: string;
  /** The 编印单位: <meta name="author"> */
  author: string;
  /** The articles' titles, 快讯 by their opening words, joined by ； */
  subject: string;
  /** zh-CN: the page's lang */
  language: string;
}

/** The metadata of an issue page, read in the browser that prints it. */
export function readMetadata(page: Page): Promise<PdfMetadata> {
  return page.evaluate(() => ({
    title: document.title,
    author: document.querySelector('meta[name="author"]')?.getAttribute('content') ?? '',
    subject: [...document.querySelectorAll('.bulletin .article')]
      .map((article) => article.querySelector('.article-title')?.textContent ?? article.getAttribute('aria-label') ?? '')
      .join('；'),
    language: document.documentElement.lang,
  }));
}

/** A printed PDF and how many pages it has, as pdf-lib counts them. */
export interface PrintedPdf {
  bytes: Uint8Array;
  pages: number;
}

/** The PDF with its document properties set; its dates and producer stay as Chromium wrote them. */
export async function withMetadata(pdf: Uint8Array, { title, author, subject, language }: PdfMetadata): Promise<PrintedPdf> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(title, { showInWindowTitleBar: true });
  if (author) document.setAuthor(author);
  if (subject) document.setSubject(subject);
  document.setCreator(PDF_CREATOR);
  document.setLanguage(language);
  return { bytes: await document.save({ useObjectStreams: false }), pages: document.getPageCount() };
}
