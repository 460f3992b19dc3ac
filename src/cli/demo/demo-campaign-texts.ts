/**
 * Words of the demo campaign: an invented province's resolution, plan, materials and conference
 * programme. Speakers carry titles and invented names only.
 */
import type { MaterialKind } from '../../modules/materials/index.js';

const RESOLUTION_BODY = [
  'Đại hội đại biểu Đảng bộ tỉnh Minh Sơn lần thứ I, nhiệm kỳ 2025–2030 quyết nghị: tiếp tục xây dựng Đảng bộ và hệ thống chính trị trong sạch, vững mạnh toàn diện; phát huy sức mạnh đại đoàn kết toàn dân tộc; khơi dậy khát vọng phát triển, đưa Minh Sơn trở thành tỉnh phát triển khá của khu vực vào năm 2030.',
  'Mục tiêu tổng quát: tốc độ tăng trưởng kinh tế bình quân đạt từ 8,5% trở lên mỗi năm; thu nhập bình quân đầu người năm 2030 đạt khoảng 120 triệu đồng; tỷ lệ hộ nghèo theo chuẩn đa chiều giảm bình quân 1,5% mỗi năm; 100% xã đạt chuẩn nông thôn mới, trong đó khoảng 50% xã đạt chuẩn nông thôn mới nâng cao.',
  'Ba khâu đột phá: một là, hoàn thiện đồng bộ hạ tầng giao thông kết nối vùng, trọng tâm là tuyến cao tốc và các tuyến đường ven biển; hai là, phát triển nguồn nhân lực chất lượng cao gắn với khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; ba là, cải cách hành chính, cải thiện mạnh mẽ môi trường đầu tư kinh doanh.',
  'Năm chương trình trọng tâm: xây dựng, chỉnh đốn Đảng gắn với xây dựng chính quyền hai cấp hoạt động hiệu lực, hiệu quả; phát triển nông nghiệp sinh thái, nông thôn hiện đại; phát triển du lịch thành ngành kinh tế mũi nhọn; chăm lo phát triển văn hóa, con người Minh Sơn; bảo đảm quốc phòng, an ninh vững chắc.',
  'Mỗi cấp ủy, tổ chức đảng và từng cán bộ, đảng viên phải nghiên cứu, quán triệt sâu sắc Nghị quyết, cụ thể hóa thành chương trình hành động, kế hoạch thực hiện phù hợp với thực tiễn của địa phương, cơ quan, đơn vị mình; người đứng đầu gương mẫu, trực tiếp chỉ đạo và chịu trách nhiệm về kết quả thực hiện.',
].join('\n\n');

export const DEMO_RESOLUTION = {
  title: 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Minh Sơn lần thứ I, nhiệm kỳ 2025–2030',
  congress: 'Đại hội đại biểu Đảng bộ tỉnh lần thứ I',
  documents: [
    { kind: 'resolution', title: 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I', body: RESOLUTION_BODY },
    { kind: 'political_report', title: 'Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh', body: 'Báo cáo chính trị đánh giá kết quả thực hiện Nghị quyết nhiệm kỳ trước, rút ra năm bài học kinh nghiệm và xác định phương hướng, mục tiêu, nhiệm vụ, giải pháp nhiệm kỳ 2025–2030.' },
    { kind: 'breakthrough_program', title: 'Chương trình đột phá về hạ tầng giao thông kết nối vùng', body: 'Tập trung huy động mọi nguồn lực đầu tư tuyến cao tốc, đường ven biển và các tuyến kết nối trung tâm xã với vùng sản xuất.' },
  ],
};

const agenda = (topic: string, speakerTitle: string, speakerName: string, minutes: number, inPerson = true) => ({ topic, speakerTitle, speakerName, minutes, inPerson });

export const DEMO_PLAN = {
  campaignTitle: 'Học tập, quán triệt và triển khai thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I',
  title: 'Kế hoạch học tập, quán triệt, tuyên truyền và triển khai thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025–2030',
  purpose: 'Giúp cán bộ, đảng viên nắm vững, hiểu sâu nội dung cơ bản, điểm mới của Nghị quyết; tạo sự thống nhất cao về nhận thức và hành động; mỗi cấp ủy, tổ chức đảng xây dựng chương trình hành động sát thực tế. Việc học tập phải nghiêm túc, thiết thực, tránh hình thức; người đứng đầu cấp ủy trực tiếp quán triệt.',
  attendees: 'Toàn thể cán bộ, đảng viên trong Đảng bộ tỉnh; cán bộ chủ chốt các cấp; đoàn viên, hội viên các đoàn thể chính trị – xã hội.',
  reflectionWriters: 'Mọi đảng viên dự học tập (kể cả học bù) viết bài thu hoạch; đảng viên miễn sinh hoạt được khuyến khích viết.',
  contents: [
    'Những nội dung cơ bản, điểm mới của Báo cáo chính trị và Nghị quyết Đại hội.',
    'Ba khâu đột phá và năm chương trình trọng tâm nhiệm kỳ 2025–2030.',
    'Trách nhiệm của cấp ủy, người đứng đầu trong xây dựng chương trình hành động.',
  ],
  localContent: 'Liên hệ thực tiễn địa phương: các chỉ tiêu của xã gắn với mục tiêu nông thôn mới nâng cao.',
  agenda: [
    agenda('Quán triệt những nội dung cơ bản, điểm mới của Nghị quyết Đại hội', 'Bí thư Tỉnh ủy', 'Hoàng Minh Khải', 120),
    agenda('Ba khâu đột phá và năm chương trình trọng tâm', 'Phó Bí thư Thường trực Tỉnh ủy', 'Lâm Thị Ngọc Hà', 60),
    agenda('Hướng dẫn xây dựng chương trình hành động và viết bài thu hoạch', 'Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Vương Đình Lộc', 30),
  ],
  communeAgenda: [
    agenda('Quán triệt Nghị quyết Đại hội đại biểu Đảng bộ tỉnh', 'Bí thư Đảng ủy xã', 'Đinh Văn Thạch', 120),
    agenda('Chương trình hành động của Đảng ủy xã thực hiện Nghị quyết', 'Phó Bí thư Đảng ủy xã', 'Mai Thị Thu Hiền', 45),
    agenda('Hướng dẫn viết bài thu hoạch', 'Ủy viên Ban Thường vụ Đảng ủy xã', 'Tạ Quang Vinh', 20),
  ],
  discussion: {
    title: 'Dự thảo Đề án phát triển du lịch thành ngành kinh tế mũi nhọn giai đoạn 2026–2030',
    sections: [
      { key: 's1', heading: 'I. Sự cần thiết xây dựng Đề án', text: 'Du lịch của tỉnh có nhiều tiềm năng nhưng sản phẩm còn đơn điệu, hạ tầng chưa đồng bộ, nguồn nhân lực còn thiếu.' },
      { key: 's2', heading: 'II. Mục tiêu đến năm 2030', text: 'Đón 6 triệu lượt khách mỗi năm; tổng thu từ du lịch đạt 12.000 tỷ đồng; tạo việc làm cho 25.000 lao động.' },
      { key: 's3', heading: 'III. Nhiệm vụ và giải pháp', text: 'Quy hoạch các khu du lịch trọng điểm; thu hút nhà đầu tư chiến lược; phát triển du lịch cộng đồng ở các xã vùng cao.' },
    ],
    comments: [
      { sectionKey: 's2', author: 'Đại biểu Đảng bộ xã Tân Phong', body: 'Đề nghị bổ sung chỉ tiêu về tỷ lệ khách lưu trú qua đêm để đánh giá chất lượng tăng trưởng.' },
      { sectionKey: 's3', author: 'Đại biểu Đảng bộ Khối cơ quan tỉnh', body: 'Cần có cơ chế hỗ trợ hộ dân làm du lịch cộng đồng vay vốn ưu đãi.' },
    ],
  },
};

interface DemoMaterial {
  kind: MaterialKind; title: string; summary: string; body: string; qa?: Array<{ question: string; answer: string }>;
  variants: Array<{ audienceCode: string; title: string; summary: string; body: string }>;
}

export const DEMO_MATERIALS: DemoMaterial[] = [
  {
    kind: 'study', title: 'Tài liệu học tập Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I',
    summary: 'Những nội dung cơ bản, điểm mới; mục tiêu, chỉ tiêu; ba khâu đột phá và năm chương trình trọng tâm.', body: RESOLUTION_BODY,
    variants: [
      { audienceCode: 'dan_toc_thieu_so', title: 'Tài liệu học tập Nghị quyết (dành cho đảng viên người dân tộc thiểu số)',
        summary: 'Trình bày ngắn gọn, dễ hiểu, có ví dụ gần gũi với đời sống ở thôn, bản.',
        body: 'Nghị quyết đặt mục tiêu đến năm 2030 mọi xã đạt chuẩn nông thôn mới, giảm nghèo bền vững ở các xã vùng cao, giữ gìn bản sắc văn hóa các dân tộc. Mỗi đảng viên ở thôn, bản gương mẫu phát triển kinh tế hộ, vận động bà con giữ rừng, đưa con em đến trường.' },
      { audienceCode: 'doanh_nghiep', title: 'Tài liệu học tập Nghị quyết (dành cho đảng viên trong doanh nghiệp)',
        summary: 'Nhấn mạnh cải thiện môi trường đầu tư kinh doanh, chuyển đổi số và vai trò của tổ chức đảng trong doanh nghiệp.',
        body: 'Nghị quyết coi cải cách hành chính và cải thiện môi trường đầu tư kinh doanh là một khâu đột phá. Đảng viên trong doanh nghiệp đi đầu đổi mới sáng tạo, ứng dụng công nghệ, chăm lo đời sống người lao động và xây dựng quan hệ lao động hài hòa.' },
    ],
  },
  {
    kind: 'research', title: 'Tài liệu nghiên cứu: Báo cáo chính trị và các chương trình đột phá',
    summary: 'Dành cho cán bộ chủ chốt, báo cáo viên: toàn văn Báo cáo chính trị kèm phân tích số liệu.',
    body: 'Tài liệu tập hợp toàn văn Báo cáo chính trị, các chương trình đột phá và số liệu đánh giá nhiệm kỳ 2020–2025 để phục vụ nghiên cứu chuyên sâu và chuẩn bị bài giảng.', variants: [],
  },
  {
    kind: 'qa', title: 'Hỏi – đáp về Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I',
    summary: '5 câu hỏi thường gặp, trả lời ngắn gọn để tuyên truyền trong chi bộ và nhân dân.', body: '',
    qa: [
      { question: 'Nghị quyết xác định mục tiêu tổng quát gì?', answer: 'Xây dựng Đảng bộ và hệ thống chính trị trong sạch, vững mạnh; đưa Minh Sơn trở thành tỉnh phát triển khá của khu vực vào năm 2030.' },
      { question: 'Ba khâu đột phá là gì?', answer: 'Hạ tầng giao thông kết nối vùng; nguồn nhân lực chất lượng cao gắn với khoa học, công nghệ, chuyển đổi số; cải cách hành chính và môi trường đầu tư kinh doanh.' },
      { question: 'Chỉ tiêu tăng trưởng kinh tế là bao nhiêu?', answer: 'Bình quân từ 8,5% trở lên mỗi năm trong giai đoạn 2026–2030.' },
      { question: 'Đảng viên phải làm gì sau khi học tập Nghị quyết?', answer: 'Viết bài thu hoạch, liên hệ với nhiệm vụ của bản thân; người đứng đầu xây dựng kế hoạch hành động cá nhân.' },
      { question: 'Đảng viên vắng hội nghị thì học thế nào?', answer: 'Chi ủy bố trí học bù hoặc hướng dẫn tự nghiên cứu, sau đó xác nhận việc học tập của đảng viên.' },
    ],
    variants: [
      { audienceCode: 'nhan_dan', title: 'Hỏi – đáp về Nghị quyết (tuyên truyền trong nhân dân)', summary: 'Bản rút gọn dùng cho tuyên truyền miệng ở khu dân cư.',
        body: 'Nghị quyết hướng tới cuộc sống ấm no hơn cho mọi người dân: đường sá thuận tiện, con em được học hành, dịch vụ hành chính nhanh gọn.' },
    ],
  },
];
