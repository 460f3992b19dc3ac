/**
 * Recommendations members write in part (d) of a reflection: 12 topics, each said four ways, put in
 * varied frames ("Đề nghị …", "Kiến nghị …", "Tôi mong muốn …", "Cấp trên cần …"). Same topic = same
 * meaning, different wording: what the clustering must bring together.
 */

export const RECOMMENDATION_TOPICS: string[][] = [
  ['tăng cường mở các lớp bồi dưỡng, tập huấn nghiệp vụ cho cán bộ cơ sở', 'tổ chức thêm các lớp tập huấn nghiệp vụ cho đội ngũ cán bộ ở cơ sở',
    'quan tâm hơn nữa đến việc bồi dưỡng, tập huấn kỹ năng cho cán bộ cơ sở', 'thường xuyên tập huấn, bồi dưỡng nghiệp vụ cho cán bộ thôn và cán bộ cơ sở'],
  ['cung cấp tài liệu học tập nghị quyết kịp thời, đầy đủ cho các chi bộ', 'sớm phát hành tài liệu nghị quyết đến từng chi bộ để đảng viên nghiên cứu',
    'bảo đảm tài liệu học tập nghị quyết được gửi về chi bộ đầy đủ và kịp thời', 'in và cấp phát tài liệu nghị quyết ngắn gọn, dễ hiểu cho đảng viên ở chi bộ'],
  ['bố trí thêm kinh phí hoạt động cho các chi bộ thôn, tổ dân phố', 'tăng mức kinh phí hoạt động của chi bộ ở thôn và tổ dân phố',
    'hỗ trợ kinh phí để chi bộ thôn, tổ dân phố duy trì hoạt động thường xuyên', 'quan tâm cấp đủ kinh phí cho hoạt động của chi bộ thôn'],
  ['ứng dụng công nghệ thông tin để đảng viên học tập nghị quyết trực tuyến', 'đẩy mạnh chuyển đổi số, đưa việc học tập nghị quyết lên nền tảng trực tuyến',
    'triển khai phần mềm để đảng viên học tập nghị quyết trực tuyến trên điện thoại', 'cho phép đảng viên học tập nghị quyết qua ứng dụng trực tuyến'],
  ['có chế độ phụ cấp phù hợp cho cán bộ không chuyên trách ở thôn, tổ dân phố', 'nâng mức phụ cấp cho cán bộ không chuyên trách ở thôn',
    'xem xét tăng phụ cấp để cán bộ không chuyên trách yên tâm công tác', 'điều chỉnh chế độ phụ cấp cho người hoạt động không chuyên trách ở cơ sở'],
  ['đầu tư nâng cấp các tuyến đường giao thông nông thôn đã xuống cấp', 'sớm đầu tư sửa chữa đường giao thông liên thôn bị hư hỏng',
    'hỗ trợ xi măng để nhân dân bê tông hoá đường giao thông nông thôn', 'ưu tiên vốn nâng cấp đường giao thông nông thôn ở các xã khó khăn'],
  ['tiếp tục đơn giản hoá thủ tục hành chính, giảm giấy tờ cho người dân', 'cắt giảm thủ tục hành chính rườm rà để người dân đỡ phiền hà',
    'rà soát, đơn giản hoá các thủ tục hành chính về đất đai cho người dân', 'công khai và đơn giản hoá thủ tục hành chính ở bộ phận một cửa'],
  ['đầu tư hệ thống thu gom, xử lý rác thải sinh hoạt ở nông thôn', 'có giải pháp xử lý dứt điểm tình trạng ô nhiễm rác thải ở khu dân cư',
    'xây dựng điểm tập kết và xử lý rác thải sinh hoạt cho các thôn', 'hỗ trợ phương tiện thu gom rác thải sinh hoạt cho tổ vệ sinh môi trường'],
  ['mở các lớp đào tạo nghề, giải quyết việc làm cho thanh niên nông thôn', 'quan tâm đào tạo nghề và tạo việc làm tại chỗ cho lao động trẻ',
    'có chính sách hỗ trợ học nghề, tìm việc làm cho thanh niên', 'liên kết với doanh nghiệp để đào tạo nghề và tạo việc làm cho thanh niên địa phương'],
  ['tăng cường kiểm tra, giám sát việc thực hiện nghị quyết ở cơ sở', 'thường xuyên kiểm tra, giám sát việc triển khai nghị quyết tại các chi bộ',
    'đẩy mạnh công tác kiểm tra, giám sát việc thực hiện nghị quyết của tổ chức đảng', 'định kỳ kiểm tra, giám sát kết quả thực hiện nghị quyết ở cơ sở'],
  ['hỗ trợ nông dân tìm đầu ra ổn định cho nông sản', 'có chính sách bao tiêu nông sản, giúp bà con yên tâm sản xuất',
    'kết nối doanh nghiệp thu mua nông sản với hợp tác xã và nông dân', 'xây dựng thương hiệu và tìm thị trường tiêu thụ nông sản cho nông dân'],
  ['đầu tư trang thiết bị y tế cho trạm y tế xã', 'bổ sung bác sĩ và trang thiết bị khám chữa bệnh cho trạm y tế xã',
    'nâng cấp cơ sở vật chất, trang thiết bị của trạm y tế xã', 'quan tâm đầu tư trạm y tế xã đạt chuẩn để người dân khám bệnh gần nhà'],
];

export const RECOMMENDATION_TARGETS = ['cấp trên', 'Đảng uỷ xã', 'Uỷ ban nhân dân tỉnh', 'các cấp uỷ', 'Ban Thường vụ Tỉnh uỷ', 'chính quyền các cấp', 'các ngành chức năng'];

/** Frames: {t} = target, {c} = the recommendation's core. */
export const RECOMMENDATION_FRAMES = [
  'Đề nghị {t} {c}.', 'Kiến nghị {t} {c}.', 'Đề xuất {c}.', 'Tôi mong muốn {t} {c}.', '{T} cần {c}.',
  'Kính đề nghị {t} {c}.', 'Tôi kiến nghị {t} {c}.', '{T} nên {c}.', 'Cần phải {c}.', 'Rất mong {t} {c}.',
];

export const RECOMMENDATION_ENDINGS = ['', ' trong thời gian tới', ' để đáp ứng yêu cầu nhiệm vụ', ' vì hiện nay còn nhiều khó khăn', ' ngay trong năm nay'];
