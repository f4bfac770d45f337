/// ASCII punctuation and white space by name, for the byte-level scans: `t[i] == .colon` says what it tests where
/// `t[i] == 0x3A` did not. Letters and digits are written `UInt8(ascii: "s")`. Bytes of multi-byte UTF-8 sequences
/// (`0xE2 0x80 0x99`, ’) stay hexadecimal, with the character in a comment, and so do bit masks (`| 0x20`, the ASCII
/// case bit).
extension UInt8 {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let exclamation: UInt8 = 0x21  // !
    static let quote: UInt8 = 0x22  // "
    static let numberSign: UInt8 = 0x23  // #
    static let dollar: UInt8 = 0x24  // $
    static let percent: UInt8 = 0x25  // %
    static let ampersand: UInt8 = 0x26  // &
    static let apostrophe: UInt8 = 0x27  // '
    static let leftParen: UInt8 = 0x28  // (
    static let rightParen: UInt8 = 0x29  // )
    static let asterisk: UInt8 = 0x2A  // *
    static let plus: UInt8 = 0x2B  // +
    static let comma: UInt8 = 0x2C  // ,
    static let hyphen: UInt8 = 0x2D  // -
    static let period: UInt8 = 0x2E  // .
    static let slash: UInt8 = 0x2F  // /
    static let colon: UInt8 = 0x3A  // :
    static let semicolon: UInt8 = 0x3B  // ;
    static let lessThan: UInt8 = 0x3C  // <
    static let equals: UInt8 = 0x3D  // =
    static let greaterThan: UInt8 = 0x3E  // >
    static let question: UInt8 = 0x3F  // ?
    static let at: UInt8 = 0x40  // @
    static let leftBracket: UInt8 = 0x5B  // [
    static let backslash: UInt8 = 0x5C  // \
    static let rightBracket: UInt8 = 0x5D  // ]
    static let underscore: UInt8 = 0x5F  // _
    static let backtick: UInt8 = 0x60  // `
    static let leftBrace: UInt8 = 0x7B  // {
    static let verticalBar: UInt8 = 0x7C  // |
    static let rightBrace: UInt8 = 0x7D  // }
    static let tilde: UInt8 = 0x7E  // ~
}
