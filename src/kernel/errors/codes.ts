/**
 * Stable error codes for programs, each with its Vietnamese title for people. The UI shows `title`;
 * programs branch on `code`.
 */
export const ERROR_TITLES = {
  'validation.failed': 'Dữ liệu gửi lên không hợp lệ',
  'auth.required': 'Bạn cần đăng nhập để tiếp tục',
  'auth.invalid_credentials': 'Tên đăng nhập hoặc mật khẩu không đúng',
  'auth.csrf': 'Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống',
  'auth.forbidden': 'Bạn không có quyền thực hiện thao tác này',
  'resource.not_found': 'Không tìm thấy dữ liệu yêu cầu',
  'org.not_found': 'Không tìm thấy tổ chức đảng',
  'org.code_taken': 'Mã tổ chức đã được dùng cho một tổ chức khác',
  'org.cycle': 'Không thể chuyển tổ chức vào chính nó hoặc vào tổ chức cấp dưới của nó',
  'org.not_leaf': 'Đảng viên chỉ sinh hoạt ở chi bộ (tổ chức không có tổ chức trực thuộc)',
  'org.has_members': 'Tổ chức còn đảng viên đang sinh hoạt',
  'org.has_children': 'Tổ chức còn tổ chức trực thuộc',
  'org.root_locked': 'Không thể chuyển, sáp nhập hay giải thể Đảng bộ tỉnh',
  'org.dissolved': 'Tổ chức đã giải thể',
  'org.level_unknown': 'Cấp tổ chức không có trong danh mục cấp của đảng bộ',
  'org.level_taken': 'Mã cấp tổ chức đã có trong danh mục',
  'org.merge_self': 'Không thể sáp nhập một tổ chức vào chính nó',
  'member.not_found': 'Không tìm thấy đảng viên',
  'member.card_taken': 'Số thẻ đảng viên đã thuộc về một đảng viên khác',
  'import.rejected': 'Tệp danh sách đảng viên có lỗi, chưa có dữ liệu nào được ghi',
  'import.not_ready': 'Bản xem trước chưa sẵn sàng hoặc đã được ghi',
  'import.file_type': 'Tệp không phải là bảng tính Excel (.xlsx)',
  'db.locked': 'Cơ sở dữ liệu đang được máy chủ sử dụng',
  'resource.conflict': 'Dữ liệu vừa được người khác thay đổi cùng lúc, vui lòng tải lại và thử lại',
  'internal': 'Đã xảy ra lỗi hệ thống, vui lòng thử lại sau',
} as const;

export type ErrorCode = keyof typeof ERROR_TITLES;
