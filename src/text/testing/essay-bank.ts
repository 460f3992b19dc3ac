/**
 * Phrases for generated reflections (bài thu hoạch) on studying a provincial Party Congress
 * Resolution. Invented text in the register of real ones; old-style tone marks (the canonical form).
 */

export const RESOLUTION_SENTENCES = [
  'Nâng cao năng lực lãnh đạo, cầm quyền và sức chiến đấu của Đảng bộ, xây dựng hệ thống chính trị trong sạch, vững mạnh toàn diện',
  'Phát huy sức mạnh khối đại đoàn kết toàn dân tộc, khơi dậy khát vọng phát triển tỉnh nhà nhanh và bền vững',
  'Phấn đấu đến năm 2030 tỉnh trở thành tỉnh phát triển khá của cả nước, có kết cấu hạ tầng đồng bộ, hiện đại',
  'Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2025 - 2030 đạt từ 8 đến 8,5% mỗi năm',
  'Tập trung thực hiện ba khâu đột phá về hoàn thiện thể chế, phát triển nguồn nhân lực và xây dựng kết cấu hạ tầng',
  'Đẩy mạnh chuyển đổi số, phát triển kinh tế số, xã hội số và chính quyền số trên địa bàn tỉnh',
  'Thực hiện có hiệu quả công tác phòng, chống tham nhũng, lãng phí, tiêu cực trong hệ thống chính trị',
  'Kiên quyết đấu tranh phản bác các quan điểm sai trái, thù địch, bảo vệ nền tảng tư tưởng của Đảng',
  'Giữ vững quốc phòng, an ninh, bảo đảm trật tự, an toàn xã hội trong mọi tình huống',
  'Chăm lo phát triển văn hoá, con người, bảo đảm an sinh xã hội và nâng cao đời sống vật chất, tinh thần của nhân dân',
  'Đổi mới mạnh mẽ phương thức lãnh đạo của Đảng, phát huy vai trò tiên phong, gương mẫu của cán bộ, đảng viên',
  'Xây dựng đội ngũ cán bộ các cấp, nhất là cán bộ chủ chốt, đủ phẩm chất, năng lực và uy tín, ngang tầm nhiệm vụ',
  'Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm bình quân từ 1 đến 1,5% mỗi năm',
  'Sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả',
  'Phát triển nông nghiệp ứng dụng công nghệ cao gắn với xây dựng nông thôn mới nâng cao, kiểu mẫu',
  'Bảo vệ môi trường, sử dụng hợp lý tài nguyên, chủ động ứng phó với biến đổi khí hậu',
];

export const RESOLUTION_TITLE = 'NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XV, NHIỆM KỲ 2025 - 2030';

export const QUOTE_LEADS = ['Nghị quyết nêu rõ:', 'Nghị quyết xác định:', 'Như Nghị quyết đã chỉ ra:', 'Nghị quyết đề ra mục tiêu:', 'Theo Nghị quyết,'];

export const TOPICS = [
  'công tác xây dựng, chỉnh đốn Đảng', 'phát triển kinh tế nhanh và bền vững', 'chuyển đổi số trong cơ quan nhà nước',
  'cải cách thủ tục hành chính', 'phát triển nguồn nhân lực chất lượng cao', 'bảo vệ môi trường ở khu dân cư',
  'xây dựng nông thôn mới nâng cao', 'giữ vững quốc phòng, an ninh ở cơ sở', 'phát huy khối đại đoàn kết toàn dân',
  'phòng, chống tham nhũng, tiêu cực', 'đổi mới phương thức lãnh đạo của chi bộ', 'phát triển văn hoá, con người',
  'chăm lo đời sống của nhân dân', 'hoàn thiện thể chế, chính sách', 'ứng dụng khoa học, công nghệ',
  'sắp xếp bộ máy tinh gọn', 'phát triển du lịch cộng đồng', 'nâng cao chất lượng giáo dục',
  'đầu tư hạ tầng giao thông', 'thu hút các dự án đầu tư', 'giảm nghèo bền vững', 'chăm sóc sức khoẻ ban đầu',
  'quản lý đất đai và trật tự xây dựng', 'công tác dân vận của chính quyền', 'phát triển kinh tế tập thể, hợp tác xã',
  'bồi dưỡng lý luận chính trị cho đảng viên', 'nâng cao chất lượng sinh hoạt chi bộ', 'kiểm tra, giám sát của cấp uỷ',
];

export const CONTENT_OPENERS = [
  'Qua nghiên cứu, tôi nhận thấy', 'Điểm mới nổi bật lần này là', 'Tôi đặc biệt tâm đắc với nội dung về',
  'Có thể khẳng định', 'Theo tôi, then chốt là', 'Văn kiện dành nhiều tâm huyết cho', 'Tôi nhận thức sâu sắc rằng',
  'Điều tôi thấy rõ nhất là', 'Đại hội nhấn mạnh yêu cầu về', 'Từ thực tiễn có thể thấy', 'So với nhiệm kỳ trước, đã bổ sung',
  'Một vấn đề được đặt ra là', 'Tôi rút ra bài học về', 'Khi đọc kỹ văn kiện, tôi chú ý tới', 'Lần đầu tiên',
  'Tôi cho rằng', 'Rõ ràng là', 'Thực tế chứng minh', 'Không phải ngẫu nhiên mà', 'Đáng chú ý,', 'Bên cạnh đó,',
  'Đặc biệt,', 'Ngoài ra,', 'Mặt khác,', 'Hơn thế nữa,', 'Về lâu dài,', 'Trước mắt,', 'Cùng với đó,',
  'Tôi hiểu rằng', 'Chúng ta đều thấy', 'Qua thảo luận ở chi bộ, tôi thấy', 'Điều quan trọng là'
];

export const CONTENT_PREDICATES = [
  'là nhiệm vụ trọng tâm', 'có ý nghĩa quyết định', 'cần triển khai đồng bộ', 'đòi hỏi sự vào cuộc của cả hệ thống',
  'gắn với trách nhiệm người đứng đầu', 'là khâu đột phá', 'tạo động lực mới', 'phải được cụ thể hoá', 'không tách rời công tác cán bộ',
  'cần sự đồng thuận của người dân', 'phải đi trước một bước', 'là thước đo năng lực lãnh đạo', 'gắn chặt với an sinh',
  'đã được lượng hoá rõ ràng', 'vẫn còn nhiều việc phải làm', 'cần nguồn lực lớn', 'phải làm quyết liệt hơn',
  'được đặt lên hàng đầu', 'là yêu cầu cấp thiết', 'mang tính chiến lược', 'cần làm thường xuyên, liên tục',
  'đang có chuyển biến rõ', 'là điều kiện tiên quyết', 'giữ vai trò nền tảng', 'cần được ưu tiên', 'quyết định thành công'
];

export const CONTENT_ENDINGS = [
  'trong nhiệm kỳ tới', 'của tỉnh những năm tới', 'để Nghị quyết đi vào cuộc sống', 'nhằm đạt các mục tiêu đề ra',
  'theo tinh thần Đại hội', 'ở từng cơ quan, đơn vị', 'trên cơ sở lợi thế địa phương', 'với bước đi phù hợp',
  'để không ai bị bỏ lại phía sau', 'trong bối cảnh nhiều biến động', 'bằng việc làm cụ thể', 'từ mỗi chi bộ',
  'đến năm 2030', 'ngay từ năm đầu nhiệm kỳ', 'ở cả thành thị và nông thôn', 'cho giai đoạn mới',
  'trong điều kiện còn khó khăn', 'một cách thực chất', 'với quyết tâm cao', 'theo hướng bền vững'
];

export const PLACES = [
  'xã Tân Lập', 'phường Hoà Bình', 'xã Phú Quý', 'xã Đồng Tâm', 'phường Trung Sơn', 'xã Ea Kar', 'phường Tân Phong',
  'xã Hương Khê', 'xã Quảng Phú', 'phường An Hoà', 'xã Cẩm Thuỷ', 'xã Nghĩa Đàn', 'phường Bến Thuỷ', 'xã Yên Thành',
];

export const UNITS = [
  'Trường Trung học cơ sở', 'Trạm Y tế', 'Uỷ ban nhân dân', 'Hợp tác xã nông nghiệp', 'Công an', 'Ban Chỉ huy quân sự',
  'Trường Tiểu học', 'Bưu điện văn hoá', 'Hội Nông dân', 'Đoàn Thanh niên', 'Hội Liên hiệp Phụ nữ', 'Chi nhánh ngân hàng',
];

export const PRACTICE_OPENERS = [
  'Tại đơn vị tôi,', 'Ở địa phương tôi,', 'Trong năm qua,', 'Thời gian gần đây,', 'Nhìn lại nhiệm kỳ qua,',
  'Thực tế ở cơ sở cho thấy', 'Trong lĩnh vực tôi phụ trách,', 'Ở thôn tôi,', 'Sáu tháng đầu năm,', 'Từ đầu nhiệm kỳ,',
  'Năm ngoái,', 'Tại tổ dân phố,', 'Ở khu dân cư nơi tôi sống,', 'Trong ba năm gần đây,', 'Theo báo cáo của xã,',
  'Tại cơ quan,', 'Qua khảo sát,', 'Ở chi bộ chúng tôi,'
];

export const ACHIEVEMENTS = [
  'đã hoàn thành {n} công trình phúc lợi', 'tỷ lệ hồ sơ đúng hạn đạt {p}%', 'có thêm {n} hộ thoát nghèo',
  'đã kết nạp {n} đảng viên mới', 'vi phạm trật tự xây dựng giảm rõ rệt', 'thu nhập bình quân tăng {n} triệu đồng',
  'đã số hoá {p}% hồ sơ', 'đèn chiếu sáng phủ {n} tuyến đường', 'phong trào thi đua có chuyển biến',
  'sinh hoạt chuyên đề diễn ra đều đặn', 'đã bê tông hoá {n} cây số đường', 'bảo hiểm y tế đạt {p}%',
  'vườn cây ăn quả cho năng suất cao', 'không có điểm nóng an ninh', 'mô hình nuôi bò sinh sản phát huy hiệu quả',
  'trường học đạt chuẩn quốc gia', 'nhà văn hoá thôn được xây mới', 'có {n} sản phẩm đạt chuẩn OCOP',
  'tỷ lệ thu gom rác đạt {p}%', 'đã trồng {n} héc ta rừng', 'chợ nông thôn được nâng cấp',
  'người dân hiến {n} mét vuông đất làm đường', 'các tổ hoà giải hoạt động tốt', 'đã tổ chức {n} buổi đối thoại với dân',
  'tỷ lệ tiêm chủng đạt {p}%', 'hợp tác xã có lãi', 'ứng dụng Zalo để thông tin cho dân', '{n} gia đình văn hoá được công nhận'
];

export const WEAKNESSES = [
  'vài đảng viên chưa gương mẫu', 'ứng dụng phần mềm còn lúng túng', 'nguồn lực đầu tư hạn hẹp',
  'sinh hoạt chi bộ có lúc hình thức', 'thanh niên đi làm ăn xa nhiều', 'rác thải ở chợ chưa xử lý triệt để',
  'tuyên truyền chưa kịp thời', 'cán bộ thôn chưa đồng đều', 'sản xuất còn nhỏ lẻ', 'giải phóng mặt bằng còn chậm',
  'đường liên thôn xuống cấp', 'thiếu giáo viên tiếng Anh', 'trạm y tế thiếu bác sĩ', 'giá nông sản bấp bênh',
  'thủ tục đất đai còn rườm rà', 'kinh phí hoạt động thiếu', 'người già neo đơn còn nhiều', 'nước sạch chưa đủ dùng'
];

export const SELF_SUBJECTS = ['Bản thân tôi sẽ', 'Tôi sẽ', 'Tôi xác định phải', 'Là đảng viên, tôi cần', 'Tôi hứa', 'Thời gian tới, tôi sẽ',
  'Tôi tự thấy cần', 'Tôi quyết tâm', 'Tôi đăng ký', 'Tôi nghiêm túc'];

export const SELF_ACTIONS = [
  'không ngừng học tập, rèn luyện', 'gương mẫu chấp hành chủ trương', 'mạnh dạn đổi mới cách làm', 'vận động gia đình cùng thực hiện',
  'hoàn thành tốt nhiệm vụ được giao', 'thẳng thắn góp ý cho đồng chí', 'học thêm kỹ năng tin học', 'giữ lối sống giản dị',
  'dự đầy đủ sinh hoạt chi bộ', 'đi cơ sở {n} buổi mỗi tháng', 'nói đi đôi với làm', 'sâu sát với dân hơn', 'giúp đỡ {n} hộ khó khăn',
  'phụ trách tuyên truyền ở xóm', 'đọc kỹ văn kiện thêm lần nữa', 'tiết kiệm chi tiêu công', 'sửa khuyết điểm đã nêu',
  'rèn luyện sức khoẻ', 'tự học ngoại ngữ', 'góp ý xây dựng chi bộ', 'kèm cặp đảng viên trẻ', 'giữ mối liên hệ với nơi cư trú',
];

export const SELF_ENDINGS = ['', ' trong năm nay', ' để làm gương', ' ngay từ tháng này', ' theo kế hoạch', ' một cách nghiêm túc',
  ' như đã hứa', ' dù công việc bận', ' cùng vợ con', ' ở cả nơi làm việc'];

export const FIRST_NAMES = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hạnh', 'Hùng', 'Lan', 'Linh', 'Minh', 'Nam', 'Ngọc', 'Phương', 'Quân', 'Thảo', 'Thuỷ', 'Trang', 'Tuấn', 'Yến'];
export const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Hữu', 'Ngọc', 'Quang'];
