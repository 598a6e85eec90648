import type { FontSource } from './font-source.ts';
import { PdfWriter } from './writer.ts';

export interface FeedbackPoster {
  /** Where it hangs: a building's name, or null for the neighbourhood as a whole (gate, notice board). */
  building: string | null;
  /** The report form with the place filled in; the QR code points here. */
  url: string;
}

export interface FeedbackPostersInput {
  neighbourhood: string;
  /** Working days the handling unit has to answer (the neighbourhood's setting). */
  workingDays: number;
  posters: FeedbackPoster[];
}

const copy = {
  slogan: '群众意见“码上”提 · 党员干部马上办',
  title: '码上提',
  subtitle: 'Scan to report a problem or make a suggestion',
  where: (building: string | null) => (building ? `${building} 专用二维码` : '全小区通用二维码'),
  whereEn: (building: string | null) => (building ? 'For this building' : 'For the whole neighbourhood'),
  scan: '微信或手机相机扫码，即可反映问题、提出建议',
  promise: (days: number) => `每一条意见都有人受理：交办后 ${days} 个工作日内答复，办理进度随时可查，办结后请您评价。`,
  categories: '环境卫生 · 设施维修 · 安全隐患 · 邻里纠纷 · 物业服务 · 停车 · 噪音 · 建议',
  steps: [
    '① 扫码，选择类别，写下问题（可附照片）',
    '② 物业、社区等单位受理交办，限时答复',
    '③ 查看进度，对答复进行评价',
  ],
  privacy: '您的姓名和房号默认不公开；办结的事项在小区公示栏公示（仅显示楼栋）。',
  noCamera: '不方便扫码？请在浏览器打开：',
};

/**
 * 码上提 posters: one A4 page per building (and one for the whole neighbourhood), to print and put up by the
 * entrances. The QR code opens the report form with the place already chosen; the address is printed below it for
 * phones without a camera app.
 */
export async function renderFeedbackPosters(
  input: FeedbackPostersInput,
  fonts: FontSource,
): Promise<Uint8Array<ArrayBuffer>> {
  const promise = copy.promise(input.workingDays);
  const pdf = await PdfWriter.open(
    fonts,
    { title: `${input.neighbourhood} 码上提二维码` },
    {
      regular: [
        input.neighbourhood,
        copy.subtitle,
        copy.scan,
        promise,
        copy.categories,
        copy.privacy,
        copy.noCamera,
        ...copy.steps,
        ...input.posters.flatMap((p) => [copy.whereEn(p.building), p.url]),
      ],
      bold: [copy.slogan, copy.title, ...input.posters.map((p) => copy.where(p.building))],
    },
  );
  const { doc } = pdf;
  input.posters.forEach((poster, i) => {
    if (i > 0) doc.addPage();
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const centred = { width, align: 'center' as const };
    doc.save().rect(0, 0, doc.page.width, 120).fill('#c0392b').restore();
    pdf.text(copy.slogan, { size: 16, weight: 'bold', color: '#ffffff', ...centred }, { x: left, y: 30 });
    pdf.text(input.neighbourhood, { size: 13, color: '#fbe3e0', ...centred }, { x: left, y: 64 });
    pdf.text(copy.title, { size: 44, weight: 'bold', color: '#c0392b', ...centred }, { x: left, y: 150 });
    pdf.text(copy.subtitle, { size: 11, color: '#52606d', ...centred });
    const size = 250;
    const qrTop = doc.y + 20;
    doc
      .save()
      .roundedRect(left + (width - size - 20) / 2, qrTop - 10, size + 20, size + 20, 10)
      .lineWidth(2)
      .strokeColor('#c0392b')
      .stroke()
      .restore();
    pdf.qr(poster.url, left + (width - size) / 2, qrTop, size);
    pdf.text(copy.where(poster.building), { size: 20, weight: 'bold', ...centred }, { x: left, y: qrTop + size + 24 });
    pdf.text(copy.whereEn(poster.building), { size: 10, color: '#52606d', ...centred });
    doc.moveDown(0.8);
    pdf.text(copy.scan, { size: 14, ...centred });
    doc.moveDown(0.3);
    pdf.text(copy.categories, { size: 10, color: '#52606d', ...centred });
    doc.moveDown(1);
    copy.steps.forEach((line) => pdf.text(line, { size: 12, lineGap: 3 }, { x: left + 70, y: doc.y }));
    doc.moveDown(0.6);
    pdf.text(promise, { size: 11, lineGap: 3, width }, { x: left, y: doc.y });
    doc.moveDown(0.4);
    pdf.text(copy.privacy, { size: 10, color: '#52606d', lineGap: 3, width });
    doc.moveDown(0.6);
    pdf.text(copy.noCamera, { size: 9, color: '#52606d', width });
    const linkTop = doc.y;
    pdf.text(poster.url, { size: 9, color: '#1f6feb', width });
    doc.link(left, linkTop, width, doc.y - linkTop, poster.url);
  });
  return pdf.finish();
}
