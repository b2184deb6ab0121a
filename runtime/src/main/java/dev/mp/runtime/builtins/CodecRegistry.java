package dev.mp.runtime.builtins;

import java.util.HashMap;
import java.util.Map;

import dev.mp.runtime.ops.Errors;

/**
 * The text codecs mp has, under CPython's names: each encoding module of CPython's {@code encodings} package that
 * mp codes (the Unicode ones itself, the single-byte ones from JDK tables corrected to CPython's, the multibyte ones
 * through JDK charsets), with its aliases and the name {@code codecs.lookup(...).name} gives.
 */
final class CodecRegistry {
    private CodecRegistry() {
    }

    /** How a codec is coded: by mp itself, by a 256-entry table (CPython's charmap codecs), or by a JDK charset. */
    enum Kind { ASCII, LATIN_1, UTF_8, UTF_8_SIG, UTF_16, UTF_16_LE, UTF_16_BE, UTF_32, UTF_32_LE, UTF_32_BE, CHARMAP, MULTIBYTE }

    /** A codec: its module name in CPython's encodings package, its CodecInfo name and the JDK charset it uses. */
    record Codec(String module, Kind kind, String name, String charset) {
    }

    private static final Map<String, Codec> BY_MODULE = byModule(
            new Codec("ascii", Kind.ASCII, "ascii", null),
            new Codec("latin_1", Kind.LATIN_1, "iso8859-1", null),
            new Codec("utf_8", Kind.UTF_8, "utf-8", null),
            new Codec("utf_8_sig", Kind.UTF_8_SIG, "utf-8-sig", null),
            new Codec("utf_16", Kind.UTF_16, "utf-16", null),
            new Codec("utf_16_le", Kind.UTF_16_LE, "utf-16-le", null),
            new Codec("utf_16_be", Kind.UTF_16_BE, "utf-16-be", null),
            new Codec("utf_32", Kind.UTF_32, "utf-32", null),
            new Codec("utf_32_le", Kind.UTF_32_LE, "utf-32-le", null),
            new Codec("utf_32_be", Kind.UTF_32_BE, "utf-32-be", null),
            new Codec("big5", Kind.MULTIBYTE, "big5", "Big5"),
            new Codec("big5hkscs", Kind.MULTIBYTE, "big5hkscs", "Big5-HKSCS"),
            new Codec("cp037", Kind.CHARMAP, "cp037", "cp037"),
            new Codec("cp1026", Kind.CHARMAP, "cp1026", "cp1026"),
            new Codec("cp1140", Kind.CHARMAP, "cp1140", "cp1140"),
            new Codec("cp1250", Kind.CHARMAP, "cp1250", "windows-1250"),
            new Codec("cp1251", Kind.CHARMAP, "cp1251", "windows-1251"),
            new Codec("cp1252", Kind.CHARMAP, "cp1252", "windows-1252"),
            new Codec("cp1253", Kind.CHARMAP, "cp1253", "windows-1253"),
            new Codec("cp1254", Kind.CHARMAP, "cp1254", "windows-1254"),
            new Codec("cp1255", Kind.CHARMAP, "cp1255", "windows-1255"),
            new Codec("cp1256", Kind.CHARMAP, "cp1256", "windows-1256"),
            new Codec("cp1257", Kind.CHARMAP, "cp1257", "windows-1257"),
            new Codec("cp1258", Kind.CHARMAP, "cp1258", "windows-1258"),
            new Codec("cp273", Kind.CHARMAP, "cp273", "cp273"),
            new Codec("cp424", Kind.CHARMAP, "cp424", "cp424"),
            new Codec("cp437", Kind.CHARMAP, "cp437", "cp437"),
            new Codec("cp500", Kind.CHARMAP, "cp500", "cp500"),
            new Codec("cp737", Kind.CHARMAP, "cp737", "cp737"),
            new Codec("cp775", Kind.CHARMAP, "cp775", "cp775"),
            new Codec("cp850", Kind.CHARMAP, "cp850", "cp850"),
            new Codec("cp852", Kind.CHARMAP, "cp852", "cp852"),
            new Codec("cp855", Kind.CHARMAP, "cp855", "cp855"),
            new Codec("cp856", Kind.CHARMAP, "cp856", "cp856"),
            new Codec("cp857", Kind.CHARMAP, "cp857", "cp857"),
            new Codec("cp858", Kind.CHARMAP, "cp858", "cp858"),
            new Codec("cp860", Kind.CHARMAP, "cp860", "cp860"),
            new Codec("cp861", Kind.CHARMAP, "cp861", "cp861"),
            new Codec("cp862", Kind.CHARMAP, "cp862", "cp862"),
            new Codec("cp863", Kind.CHARMAP, "cp863", "cp863"),
            new Codec("cp864", Kind.CHARMAP, "cp864", "cp864"),
            new Codec("cp865", Kind.CHARMAP, "cp865", "cp865"),
            new Codec("cp866", Kind.CHARMAP, "cp866", "cp866"),
            new Codec("cp869", Kind.CHARMAP, "cp869", "cp869"),
            new Codec("cp874", Kind.CHARMAP, "cp874", "cp874"),
            new Codec("cp875", Kind.CHARMAP, "cp875", "cp875"),
            new Codec("cp932", Kind.MULTIBYTE, "cp932", "cp932"),
            new Codec("cp949", Kind.MULTIBYTE, "cp949", "cp949"),
            new Codec("cp950", Kind.MULTIBYTE, "cp950", "cp950"),
            new Codec("euc_jp", Kind.MULTIBYTE, "euc_jp", "EUC-JP"),
            new Codec("euc_kr", Kind.MULTIBYTE, "euc_kr", "EUC-KR"),
            new Codec("gb18030", Kind.MULTIBYTE, "gb18030", "GB18030"),
            new Codec("gb2312", Kind.MULTIBYTE, "gb2312", "GB2312"),
            new Codec("gbk", Kind.MULTIBYTE, "gbk", "GBK"),
            new Codec("iso2022_jp", Kind.MULTIBYTE, "iso2022_jp", "ISO-2022-JP"),
            new Codec("iso2022_jp_2", Kind.MULTIBYTE, "iso2022_jp_2", "ISO-2022-JP-2"),
            new Codec("iso2022_kr", Kind.MULTIBYTE, "iso2022_kr", "ISO-2022-KR"),
            new Codec("iso8859_11", Kind.CHARMAP, "iso8859-11", "ISO-8859-11"),
            new Codec("iso8859_13", Kind.CHARMAP, "iso8859-13", "ISO-8859-13"),
            new Codec("iso8859_15", Kind.CHARMAP, "iso8859-15", "ISO-8859-15"),
            new Codec("iso8859_16", Kind.CHARMAP, "iso8859-16", "ISO-8859-16"),
            new Codec("iso8859_2", Kind.CHARMAP, "iso8859-2", "ISO-8859-2"),
            new Codec("iso8859_3", Kind.CHARMAP, "iso8859-3", "ISO-8859-3"),
            new Codec("iso8859_4", Kind.CHARMAP, "iso8859-4", "ISO-8859-4"),
            new Codec("iso8859_5", Kind.CHARMAP, "iso8859-5", "ISO-8859-5"),
            new Codec("iso8859_6", Kind.CHARMAP, "iso8859-6", "ISO-8859-6"),
            new Codec("iso8859_7", Kind.CHARMAP, "iso8859-7", "ISO-8859-7"),
            new Codec("iso8859_8", Kind.CHARMAP, "iso8859-8", "ISO-8859-8"),
            new Codec("iso8859_9", Kind.CHARMAP, "iso8859-9", "ISO-8859-9"),
            new Codec("johab", Kind.MULTIBYTE, "johab", "x-Johab"),
            new Codec("koi8_r", Kind.CHARMAP, "koi8-r", "KOI8-R"),
            new Codec("koi8_u", Kind.CHARMAP, "koi8-u", "KOI8-U"),
            new Codec("mac_arabic", Kind.CHARMAP, "mac-arabic", "x-MacArabic"),
            new Codec("mac_croatian", Kind.CHARMAP, "mac-croatian", "x-MacCroatian"),
            new Codec("mac_cyrillic", Kind.CHARMAP, "mac-cyrillic", "x-MacCyrillic"),
            new Codec("mac_greek", Kind.CHARMAP, "mac-greek", "x-MacGreek"),
            new Codec("mac_iceland", Kind.CHARMAP, "mac-iceland", "x-MacIceland"),
            new Codec("mac_latin2", Kind.CHARMAP, "mac-latin2", "x-MacCentralEurope"),
            new Codec("mac_roman", Kind.CHARMAP, "mac-roman", "x-MacRoman"),
            new Codec("mac_romanian", Kind.CHARMAP, "mac-romanian", "x-MacRomania"),
            new Codec("mac_turkish", Kind.CHARMAP, "mac-turkish", "x-MacTurkish"),
            new Codec("shift_jis", Kind.MULTIBYTE, "shift_jis", "Shift_JIS"),
            new Codec("tis_620", Kind.CHARMAP, "tis-620", "TIS-620")
    );

    private static Map<String, Codec> byModule(Codec... codecs) {
        Map<String, Codec> m = new HashMap<>();
        for (Codec c : codecs) {
            m.put(c.module(), c);
        }
        return Map.copyOf(m);
    }

    /** CPython's encodings.aliases for the modules above: normalized alias to module name. */
    private static final Map<String, String> ALIASES = aliases(
            "037", "cp037", "1026", "cp1026", "1140", "cp1140", "1250", "cp1250", "1251", "cp1251", "1252", "cp1252",
            "1253", "cp1253", "1254", "cp1254", "1255", "cp1255", "1256", "cp1256", "1257", "cp1257", "1258", "cp1258",
            "273", "cp273", "424", "cp424", "437", "cp437", "500", "cp500", "646", "ascii", "775", "cp775", "850", "cp850",
            "852", "cp852", "855", "cp855", "857", "cp857", "858", "cp858", "860", "cp860", "861", "cp861", "862", "cp862",
            "863", "cp863", "864", "cp864", "865", "cp865", "866", "cp866", "869", "cp869", "8859", "latin_1",
            "932", "cp932", "936", "gbk", "949", "cp949", "950", "cp950", "ansi_x3.4_1968", "ascii",
            "ansi_x3.4_1986", "ascii", "ansi_x3_4_1968", "ascii", "arabic", "iso8859_6", "asmo_708", "iso8859_6",
            "big5_hkscs", "big5hkscs", "big5_tw", "big5", "chinese", "gb2312", "cp1361", "johab", "cp367", "ascii",
            "cp65001", "utf_8", "cp819", "latin_1", "cp936", "gbk", "cp_gr", "cp869", "cp_is", "cp861", "csascii", "ascii",
            "csbig5", "big5", "csibm037", "cp037", "csibm1026", "cp1026", "csibm273", "cp273", "csibm424", "cp424",
            "csibm500", "cp500", "csibm855", "cp855", "csibm857", "cp857", "csibm858", "cp858", "csibm860", "cp860",
            "csibm861", "cp861", "csibm863", "cp863", "csibm864", "cp864", "csibm865", "cp865", "csibm866", "cp866",
            "csibm869", "cp869", "csiso2022jp", "iso2022_jp", "csiso2022kr", "iso2022_kr", "csiso58gb231280", "gb2312",
            "csisolatin1", "latin_1", "csisolatin2", "iso8859_2", "csisolatin3", "iso8859_3", "csisolatin4", "iso8859_4",
            "csisolatin5", "iso8859_9", "csisolatinarabic", "iso8859_6", "csisolatincyrillic", "iso8859_5",
            "csisolatingreek", "iso8859_7", "csisolatinhebrew", "iso8859_8", "cskoi8r", "koi8_r", "cspc775baltic", "cp775",
            "cspc850multilingual", "cp850", "cspc862latinhebrew", "cp862", "cspc8codepage437", "cp437", "cspcp852", "cp852",
            "csshiftjis", "shift_jis", "cyrillic", "iso8859_5", "ebcdic_cp_be", "cp500", "ebcdic_cp_ca", "cp037",
            "ebcdic_cp_ch", "cp500", "ebcdic_cp_he", "cp424", "ebcdic_cp_nl", "cp037", "ebcdic_cp_us", "cp037",
            "ebcdic_cp_wt", "cp037", "ecma_114", "iso8859_6", "ecma_118", "iso8859_7", "elot_928", "iso8859_7",
            "euc_cn", "gb2312", "euccn", "gb2312", "eucgb2312_cn", "gb2312", "eucjp", "euc_jp", "euckr", "euc_kr",
            "gb18030_2000", "gb18030", "gb2312_1980", "gb2312", "gb2312_80", "gb2312", "greek", "iso8859_7",
            "greek8", "iso8859_7", "hebrew", "iso8859_8", "hkscs", "big5hkscs", "ibm037", "cp037", "ibm039", "cp037",
            "ibm1026", "cp1026", "ibm1140", "cp1140", "ibm273", "cp273", "ibm367", "ascii", "ibm424", "cp424",
            "ibm437", "cp437", "ibm500", "cp500", "ibm775", "cp775", "ibm819", "latin_1", "ibm850", "cp850",
            "ibm852", "cp852", "ibm855", "cp855", "ibm857", "cp857", "ibm858", "cp858", "ibm860", "cp860",
            "ibm861", "cp861", "ibm862", "cp862", "ibm863", "cp863", "ibm864", "cp864", "ibm865", "cp865",
            "ibm866", "cp866", "ibm869", "cp869", "iso2022jp", "iso2022_jp", "iso2022jp_2", "iso2022_jp_2",
            "iso2022kr", "iso2022_kr", "iso646_us", "ascii", "iso8859", "latin_1", "iso8859_1", "latin_1",
            "iso_2022_jp", "iso2022_jp", "iso_2022_jp_2", "iso2022_jp_2", "iso_2022_kr", "iso2022_kr",
            "iso_646.irv_1991", "ascii", "iso_8859_1", "latin_1", "iso_8859_11", "iso8859_11",
            "iso_8859_11_2001", "iso8859_11", "iso_8859_13", "iso8859_13", "iso_8859_15", "iso8859_15",
            "iso_8859_16", "iso8859_16", "iso_8859_16_2001", "iso8859_16", "iso_8859_1_1987", "latin_1",
            "iso_8859_2", "iso8859_2", "iso_8859_2_1987", "iso8859_2", "iso_8859_3", "iso8859_3",
            "iso_8859_3_1988", "iso8859_3", "iso_8859_4", "iso8859_4", "iso_8859_4_1988", "iso8859_4",
            "iso_8859_5", "iso8859_5", "iso_8859_5_1988", "iso8859_5", "iso_8859_6", "iso8859_6",
            "iso_8859_6_1987", "iso8859_6", "iso_8859_7", "iso8859_7", "iso_8859_7_1987", "iso8859_7",
            "iso_8859_8", "iso8859_8", "iso_8859_8_1988", "iso8859_8", "iso_8859_9", "iso8859_9",
            "iso_8859_9_1989", "iso8859_9", "iso_ir_100", "latin_1", "iso_ir_101", "iso8859_2", "iso_ir_109", "iso8859_3",
            "iso_ir_110", "iso8859_4", "iso_ir_126", "iso8859_7", "iso_ir_127", "iso8859_6", "iso_ir_138", "iso8859_8",
            "iso_ir_144", "iso8859_5", "iso_ir_148", "iso8859_9", "iso_ir_166", "tis_620", "iso_ir_226", "iso8859_16",
            "iso_ir_58", "gb2312", "iso_ir_6", "ascii", "korean", "euc_kr", "ks_c_5601", "euc_kr",
            "ks_c_5601_1987", "euc_kr", "ks_x_1001", "euc_kr", "ksc5601", "euc_kr", "ksx1001", "euc_kr", "l1", "latin_1",
            "l10", "iso8859_16", "l2", "iso8859_2", "l3", "iso8859_3", "l4", "iso8859_4", "l5", "iso8859_9",
            "l7", "iso8859_13", "l9", "iso8859_15", "latin", "latin_1", "latin1", "latin_1", "latin10", "iso8859_16",
            "latin2", "iso8859_2", "latin3", "iso8859_3", "latin4", "iso8859_4", "latin5", "iso8859_9",
            "latin7", "iso8859_13", "latin9", "iso8859_15", "mac_centeuro", "mac_latin2", "maccentraleurope", "mac_latin2",
            "maccyrillic", "mac_cyrillic", "macgreek", "mac_greek", "maciceland", "mac_iceland", "macintosh", "mac_roman",
            "maclatin2", "mac_latin2", "macroman", "mac_roman", "macturkish", "mac_turkish", "ms1361", "johab",
            "ms932", "cp932", "ms936", "gbk", "ms949", "cp949", "ms950", "cp950", "ms_kanji", "cp932", "mskanji", "cp932",
            "s_jis", "shift_jis", "shiftjis", "shift_jis", "sjis", "shift_jis", "thai", "iso8859_11", "tis620", "tis_620",
            "tis_620_0", "tis_620", "tis_620_2529_0", "tis_620", "tis_620_2529_1", "tis_620", "u16", "utf_16",
            "u32", "utf_32", "u8", "utf_8", "u_jis", "euc_jp", "uhc", "cp949", "ujis", "euc_jp",
            "unicodebigunmarked", "utf_16_be", "unicodelittleunmarked", "utf_16_le", "us", "ascii", "us_ascii", "ascii",
            "utf", "utf_8", "utf16", "utf_16", "utf32", "utf_32", "utf8", "utf_8", "utf8_ucs2", "utf_8",
            "utf8_ucs4", "utf_8", "utf_16be", "utf_16_be", "utf_16le", "utf_16_le", "utf_32be", "utf_32_be",
            "utf_32le", "utf_32_le", "windows_1250", "cp1250", "windows_1251", "cp1251", "windows_1252", "cp1252",
            "windows_1253", "cp1253", "windows_1254", "cp1254", "windows_1255", "cp1255", "windows_1256", "cp1256",
            "windows_1257", "cp1257", "windows_1258", "cp1258", "x_mac_japanese", "shift_jis", "x_mac_korean", "euc_kr",
            "x_mac_simp_chinese", "gb2312", "x_mac_trad_chinese", "big5"
        );

    private static Map<String, String> aliases(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(m);
    }

    /** The codec an encoding name names, found as CPython's codec search does; LookupError when there is none. */
    static Codec lookup(String encoding) {
        String normalized = normalize(encoding);
        String module = ALIASES.get(normalized);
        if (module == null) {
            module = ALIASES.getOrDefault(normalized.replace('.', '_'), normalized);
        }
        Codec c = BY_MODULE.get(module);
        if (c == null) {
            throw Errors.make("LookupError", "unknown encoding: %s", encoding);
        }
        return c;
    }

    /**
     * encodings.normalize_encoding after the lower-casing of codecs.lookup: each run of characters other than
     * ASCII letters, digits and '.' becomes one '_', dropped at the ends.
     */
    static String normalize(String encoding) {
        StringBuilder sb = new StringBuilder(encoding.length());
        boolean punctuation = false;
        for (int i = 0; i < encoding.length(); i++) {
            char c = Character.toLowerCase(encoding.charAt(i));
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '.')) {
                if (punctuation && sb.length() > 0) {
                    sb.append('_');
                }
                sb.append(c);
                punctuation = false;
            } else if (!Character.isLetterOrDigit(c)) {
                punctuation = true;
            }
        }
        return sb.toString();
    }

    /**
     * Where CPython's table for a single-byte codec differs from the JDK's: pairs of (byte, code point, or -1 for a
     * byte CPython leaves undefined).
     */
    static int[] tableCorrections(String module) {
        return switch (module) {
            case "cp037" -> new int[] {0x15, 0x85};
            case "cp1026" -> new int[] {0x15, 0x85};
            case "cp1140" -> new int[] {0x15, 0x85};
            case "cp273" -> new int[] {0x15, 0x85, 0xBC, 0x203E};
            case "cp424" -> new int[] {0x15, 0x85, 0xB3, 0xB7, 0xBC, 0xAF};
            case "cp500" -> new int[] {0x15, 0x85};
            case "cp856" -> new int[] {0xEE, 0xAF, 0xFA, 0xB7};
            case "cp874" -> new int[] {0x85, 0x2026, 0x91, 0x2018, 0x92, 0x2019, 0x93, 0x201C, 0x94, 0x201D, 0x95, 0x2022, 0x96, 0x2013, 0x97, 0x2014, 0xA0, 0xA0, 0xDB, -1, 0xDC, -1, 0xDD, -1, 0xDE, -1, 0xFC, -1, 0xFD, -1, 0xFE, -1, 0xFF, -1};
            case "cp875" -> new int[] {0x15, 0x85, 0xDC, 0x1A, 0xE1, 0x1A, 0xEC, 0x1A, 0xED, 0x1A, 0xFC, 0x1A, 0xFD, 0x1A};
            case "mac_arabic" -> new int[] {0xA0, 0x20, 0xA1, 0x21, 0xA2, 0x22, 0xA3, 0x23, 0xA4, 0x24, 0xA6, 0x26, 0xA7, 0x27, 0xA8, 0x28, 0xA9, 0x29, 0xAA, 0x2A, 0xAB, 0x2B, 0xAD, 0x2D, 0xAE, 0x2E, 0xAF, 0x2F, 0xBA, 0x3A, 0xBC, 0x3C, 0xBD, 0x3D, 0xBE, 0x3E, 0xC0, 0x274A, 0xDB, 0x5B, 0xDC, 0x5C, 0xDD, 0x5D, 0xDE, 0x5E, 0xDF, 0x5F, 0xFB, 0x7B, 0xFC, 0x7C, 0xFD, 0x7D};
            case "mac_croatian" -> new int[] {0xBD, 0x3A9, 0xDB, 0x20AC};
            case "mac_cyrillic" -> new int[] {0xA2, 0x490, 0xB6, 0x491, 0xFF, 0x20AC};
            case "mac_greek" -> new int[] {0x9C, 0x20AC, 0xAF, 0xB7, 0xFF, 0xAD};
            case "mac_iceland" -> new int[] {0xBD, 0x3A9, 0xDB, 0x20AC};
            case "mac_romanian" -> new int[] {0xAF, 0x218, 0xBD, 0x3A9, 0xBF, 0x219, 0xDB, 0x20AC, 0xDE, 0x21A, 0xDF, 0x21B};
            case "mac_turkish" -> new int[] {0xBD, 0x3A9, 0xF5, 0xF8A0};
            case "tis_620" -> new int[] {0x80, 0x80, 0x81, 0x81, 0x82, 0x82, 0x83, 0x83, 0x84, 0x84, 0x85, 0x85, 0x86, 0x86, 0x87, 0x87, 0x88, 0x88, 0x89, 0x89, 0x8A, 0x8A, 0x8B, 0x8B, 0x8C, 0x8C, 0x8D, 0x8D, 0x8E, 0x8E, 0x8F, 0x8F, 0x90, 0x90, 0x91, 0x91, 0x92, 0x92, 0x93, 0x93, 0x94, 0x94, 0x95, 0x95, 0x96, 0x96, 0x97, 0x97, 0x98, 0x98, 0x99, 0x99, 0x9A, 0x9A, 0x9B, 0x9B, 0x9C, 0x9C, 0x9D, 0x9D, 0x9E, 0x9E, 0x9F, 0x9F, 0xA0, -1};
            default -> new int[0];
        };
    }
}
