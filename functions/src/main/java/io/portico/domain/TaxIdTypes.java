package io.portico.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stripe's tax ID types (API version 2026-07-29, as stripe-java 33.3.0 lists them), the country each
 * belongs to, and a format check of the value.
 *
 * <p>Formats are checked for the common types: per country for {@code eu_vat} (the VIES formats),
 * and for {@code gb_vat}, {@code us_ein}, {@code au_abn}, {@code ca_bn}, {@code ch_vat},
 * {@code in_gst}, {@code jp_cn}, {@code br_cnpj} and about forty more (see {@link #FORMATS}).
 * Separators people write (spaces, dots, hyphens, slashes) and letter case do not matter. Only the
 * shape is checked, not check digits: Stripe's documented example values (DE123456789,
 * 12345678912 for an ABN…) are accepted as Stripe accepts them. Every other type takes a value of
 * 1 to 50 letters, digits and separators with at least one digit. The value is stored as given
 * (trimmed).
 */
public final class TaxIdTypes {
  public static final List<String> TYPES = List.of(
      "ad_nrt", "ae_trn", "al_tin", "am_tin", "ao_tin", "ar_cuit", "au_abn", "au_arn", "aw_tin", "az_tin", "ba_tin", "bb_tin", "bd_bin",
      "bf_ifu", "bg_uic", "bh_vat", "bj_ifu", "bo_tin", "br_cnpj", "br_cpf", "bs_tin", "by_tin", "ca_bn", "ca_gst_hst", "ca_pst_bc",
      "ca_pst_mb", "ca_pst_sk", "ca_qst", "cd_nif", "ch_uid", "ch_vat", "cl_tin", "cm_niu", "cn_tin", "co_nit", "cr_tin", "cv_nif",
      "de_stn", "do_rcn", "ec_ruc", "eg_tin", "es_cif", "et_tin", "eu_oss_vat", "eu_vat", "fo_vat", "gb_vat", "ge_vat", "gi_tin",
      "gn_nif", "hk_br", "hr_oib", "hu_tin", "ic_nif", "id_npwp", "il_vat", "in_gst", "is_vat", "it_cf", "jp_cn", "jp_rn", "jp_trn",
      "ke_pin", "kg_tin", "kh_tin", "kr_brn", "kz_bin", "la_tin", "li_uid", "li_vat", "lk_vat", "ma_vat", "md_vat", "me_pib", "mk_vat",
      "mr_nif", "mx_rfc", "my_frp", "my_itn", "my_sst", "ng_tin", "no_vat", "no_voec", "np_pan", "nz_gst", "om_vat", "pe_ruc", "ph_tin",
      "pl_nip", "py_ruc", "ro_tin", "rs_pib", "ru_inn", "ru_kpp", "sa_vat", "sg_gst", "sg_uen", "si_tin", "sn_ninea", "sr_fin", "sv_nit",
      "th_vat", "tj_tin", "tr_tin", "tw_vat", "tz_vat", "ua_vat", "ug_tin", "us_ein", "uy_ruc", "uz_tin", "uz_vat", "ve_rif", "vn_tin",
      "za_vat", "zm_tin", "zw_tin");

  /** A format: the pattern of the compact value (upper case, separators removed) and an example as Stripe documents it. */
  record Format(Pattern pattern, String example) {
    static Format of(String regex, String example) {
      return new Format(Pattern.compile(regex), example);
    }

    boolean matches(String compact) {
      return pattern.matcher(compact).matches();
    }
  }

  /** EU VAT numbers by their prefix (VIES); EL is Greece, XI Northern Ireland. */
  static final Map<String, Format> EU_VAT = new LinkedHashMap<>();
  /** The types whose format is checked; eu_vat is checked per country through {@link #EU_VAT}. */
  static final Map<String, Format> FORMATS = new LinkedHashMap<>();

  static {
    eu("AT", "U\\d{8}", "ATU12345678");
    eu("BE", "[01]\\d{9}", "BE0123456789");
    eu("BG", "\\d{9,10}", "BG0123456789");
    eu("CY", "\\d{8}[A-Z]", "CY12345678Z");
    eu("CZ", "\\d{8,10}", "CZ1234567890");
    eu("DE", "\\d{9}", "DE123456789");
    eu("DK", "\\d{8}", "DK12345678");
    eu("EE", "\\d{9}", "EE123456789");
    eu("EL", "\\d{9}", "EL123456789");
    eu("ES", "[A-Z0-9]\\d{7}[A-Z0-9]", "ESA1234567Z");
    eu("FI", "\\d{8}", "FI12345678");
    eu("FR", "[A-Z0-9]{2}\\d{9}", "FRAB123456789");
    eu("HR", "\\d{11}", "HR12345678912");
    eu("HU", "\\d{8}(\\d{3})?", "HU12345678912");
    eu("IE", "\\d{7}[A-Z]{1,2}|\\d[A-Z+*]\\d{5}[A-Z]", "IE1234567AB");
    eu("IT", "\\d{11}", "IT12345678912");
    eu("LT", "\\d{9}|\\d{12}", "LT123456789123");
    eu("LU", "\\d{8}", "LU12345678");
    eu("LV", "\\d{11}", "LV12345678912");
    eu("MT", "\\d{8}", "MT12345678");
    eu("NL", "\\d{9}B\\d{2}", "NL123456789B12");
    eu("PL", "\\d{10}", "PL1234567890");
    eu("PT", "\\d{9}", "PT123456789");
    eu("RO", "\\d{2,10}", "RO1234567891");
    eu("SE", "\\d{12}", "SE123456789123");
    eu("SI", "\\d{8}", "SI12345678");
    eu("SK", "\\d{10}", "SK1234567891");
    eu("XI", "\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}", "XI123456789");

    format("gb_vat", "GB(\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3})", "GB123456789");
    format("eu_oss_vat", "EU\\d{9}", "EU123456789");
    format("us_ein", "\\d{9}", "12-3456789");
    format("au_abn", "\\d{11}", "12345678912");
    format("au_arn", "\\d{12}", "123456789123");
    format("ca_bn", "\\d{9}", "123456789");
    format("ca_gst_hst", "\\d{9}RT\\d{4}", "123456789RT0002");
    format("ca_qst", "\\d{10}TQ\\d{4}", "1234567890TQ1234");
    format("ca_pst_bc", "PST\\d{8}", "PST-1234-5678");
    format("ca_pst_mb", "\\d{7}", "123456-7");
    format("ca_pst_sk", "\\d{7}", "1234567");
    format("ch_vat", "CHE\\d{9}(MWST|TVA|IVA)", "CHE-123.456.789 MWST");
    format("ch_uid", "CHE\\d{9}(HR)?", "CHE-123.456.789 HR");
    format("li_uid", "CHE\\d{9}", "CHE123456789");
    format("in_gst", "\\d{2}[A-Z]{5}\\d{4}[A-Z][A-Z0-9]Z[A-Z0-9]", "12ABCDE3456FGZH");
    format("jp_cn", "\\d{13}", "1234567891234");
    format("jp_rn", "\\d{5}", "12345");
    format("jp_trn", "T\\d{13}", "T1234567891234");
    format("br_cnpj", "\\d{14}", "01.234.456/5432-10");
    format("br_cpf", "\\d{11}", "123.456.789-87");
    format("nz_gst", "\\d{8,9}", "123456789");
    format("no_vat", "(NO)?\\d{9}MVA", "123456789MVA");
    format("no_voec", "\\d{7}", "1234567");
    format("sg_uen", "\\d{8}[A-Z]|\\d{9}[A-Z]|[TSR]\\d{2}[A-Z]{2}\\d{4}[A-Z]", "123456789F");
    format("za_vat", "4\\d{9}", "4123456789");
    format("mx_rfc", "[A-Z&Ñ]{3,4}\\d{6}[A-Z0-9]{3}", "ABC010203AB9");
    format("kr_brn", "\\d{10}", "123-45-67890");
    format("es_cif", "[A-Z]\\d{7}[A-Z0-9]", "A12345678");
    format("ae_trn", "\\d{15}", "123456789012345");
    format("sa_vat", "\\d{15}", "123456789012345");
    format("bh_vat", "\\d{15}", "123456789012345");
    format("om_vat", "OM\\d{10}", "OM1234567890");
    format("hk_br", "\\d{8}", "12345678");
    format("tw_vat", "\\d{8}", "12345678");
    format("th_vat", "\\d{13}", "1234567891234");
    format("ru_inn", "\\d{10}|\\d{12}", "1234567891");
    format("ru_kpp", "\\d{9}", "123456789");
    format("cl_tin", "\\d{7,8}[0-9K]", "12.345.678-K");
    format("ar_cuit", "\\d{11}", "12-3456789-01");
    format("co_nit", "\\d{9,10}", "123.456.789-0");
    format("pe_ruc", "\\d{11}", "12345678901");
    format("id_npwp", "\\d{15,16}", "012.345.678.9-012.345");
    format("il_vat", "\\d{9}", "000012345");
    format("tr_tin", "\\d{10}", "0123456789");
    format("eg_tin", "\\d{9}", "123456789");
    format("ke_pin", "[AP]\\d{9}[A-Z]", "P000111111A");
    format("my_sst", "[A-Z]\\d{14}", "A12-3456-78912345");
    format("my_frp", "\\d{8}", "12345678");
    format("hu_tin", "\\d{11}", "12345678-1-23");
    format("hr_oib", "\\d{11}", "12345678901");
    format("si_tin", "\\d{8}", "12345678");
    format("bg_uic", "\\d{9}|\\d{13}", "123456789");
    format("ge_vat", "\\d{9}", "123456789");
    format("pl_nip", "\\d{10}", "1234567890");
    format("de_stn", "\\d{10,13}", "1234567890");
    format("ro_tin", "\\d{13}", "1234567890123");
    format("it_cf", "[A-Z]{6}\\d{2}[A-Z]\\d{2}[A-Z]\\d{3}[A-Z]|\\d{11}", "RSSMRA85T10A562S");
    format("vn_tin", "\\d{10}(\\d{3})?", "1234567890");
  }

  private static void eu(String prefix, String rest, String example) {
    EU_VAT.put(prefix, Format.of(prefix + "(" + rest + ")", example));
  }

  private static void format(String type, String regex, String example) {
    if (!TYPES.contains(type)) throw new IllegalStateException("not a Stripe tax ID type: " + type);
    FORMATS.put(type, Format.of(regex, example));
  }

  /** Letters, digits and the separators people write in tax IDs; anything else is refused outright. */
  private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{N} .\\-/+*&]{1,50}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/]");

  private TaxIdTypes() {}

  /** The value as patterns see it: upper case, without spaces, dots, hyphens or slashes. */
  static String compact(String value) {
    return SEPARATORS.matcher(value.toUpperCase(Locale.ROOT)).replaceAll("");
  }

  /**
   * Why {@code value} is not a valid {@code type} (a sentence naming the expected format), or null
   * when it is. {@code type} must be one of {@link #TYPES}.
   */
  public static String problem(String type, String value) {
    String v = value.trim();
    if (!CHARACTERS.matcher(v).matches() || v.chars().noneMatch(Character::isDigit)) {
      return "Invalid value for " + type + ": a tax ID is up to 50 letters and digits (spaces, dots, hyphens and slashes allowed).";
    }
    String compact = compact(v);
    if (type.equals("eu_vat")) {
      String prefix = compact.length() < 2 ? compact : compact.substring(0, 2);
      Format f = EU_VAT.get(prefix);
      if (f == null) {
        return "Invalid value for eu_vat: it starts with the country's VAT prefix (" + String.join(", ", EU_VAT.keySet())
            + "), like DE123456789.";
      }
      return f.matches(compact) ? null : "Invalid value for eu_vat: " + prefix + " VAT numbers look like " + f.example() + ".";
    }
    Format f = FORMATS.get(type);
    if (f == null || f.matches(compact)) return null;
    return "Invalid value for " + type + ": expected a number like " + f.example() + ".";
  }

  /**
   * The two-letter country of a tax ID: the type's prefix; for {@code eu_vat} the value's prefix
   * (EL is Greece, GR; XI is Northern Ireland, GB). {@code eu_oss_vat} is the EU's scheme ("EU");
   * {@code ic_nif} (Canary Islands) is Spain's.
   */
  public static String country(String type, String value) {
    if (type.equals("eu_vat")) {
      String c = compact(value.trim());
      String prefix = c.length() < 2 ? null : c.substring(0, 2);
      if (prefix == null) return null;
      return switch (prefix) {
        case "EL" -> "GR";
        case "XI" -> "GB";
        default -> prefix;
      };
    }
    return switch (type) {
      case "eu_oss_vat" -> "EU";
      case "ic_nif" -> "ES";
      default -> type.substring(0, 2).toUpperCase(Locale.ROOT);
    };
  }
}
