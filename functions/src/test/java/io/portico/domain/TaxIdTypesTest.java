package io.portico.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TaxIdTypesTest {

  @ParameterizedTest(name = "{0} {1} is valid")
  @CsvSource(delimiter = '|', value = {
      // Stripe's documented examples, per EU country, and written the ways people write them.
      "eu_vat|ATU12345678", "eu_vat|BE0123456789", "eu_vat|BG0123456789", "eu_vat|CY12345678Z", "eu_vat|CZ1234567890",
      "eu_vat|DE123456789", "eu_vat|DK12345678", "eu_vat|EE123456789", "eu_vat|EL123456789", "eu_vat|ESA1234567Z",
      "eu_vat|FI12345678", "eu_vat|FRAB123456789", "eu_vat|HR12345678912", "eu_vat|HU12345678912", "eu_vat|HU12345678",
      "eu_vat|IE1234567AB", "eu_vat|IE1234567T", "eu_vat|IT12345678912", "eu_vat|LT123456789123", "eu_vat|LU12345678",
      "eu_vat|LV12345678912", "eu_vat|MT12345678", "eu_vat|NL123456789B12", "eu_vat|PL1234567890", "eu_vat|PT123456789",
      "eu_vat|RO1234567891", "eu_vat|SE123456789123", "eu_vat|SI12345678", "eu_vat|SK1234567891", "eu_vat|XI123456789",
      "eu_vat|de 123 456 789", "eu_vat|NL 1234.56789.B12",
      "gb_vat|GB123456789", "gb_vat|GB 123 4567 89", "gb_vat|GBGD123",
      "us_ein|12-3456789", "us_ein|123456789",
      "au_abn|12345678912", "au_abn|12 345 678 912", "au_arn|123456789123",
      "ca_bn|123456789", "ca_gst_hst|123456789RT0002", "ca_qst|1234567890TQ1234", "ca_pst_bc|PST-1234-5678", "ca_pst_mb|123456-7",
      "ch_vat|CHE-123.456.789 MWST", "ch_vat|CHE123456789TVA", "ch_uid|CHE-123.456.789 HR", "li_uid|CHE123456789",
      "in_gst|12ABCDE3456FGZH", "in_gst|27aapfu0939f1zv",
      "jp_cn|1234567891234", "jp_rn|12345", "jp_trn|T1234567891234",
      "br_cnpj|01.234.456/5432-10", "br_cnpj|01234456543210", "br_cpf|123.456.789-87",
      "nz_gst|123456789", "no_vat|123456789MVA", "sg_uen|123456789F", "za_vat|4123456789", "mx_rfc|ABC010203AB9",
      "kr_brn|123-45-67890", "es_cif|A12345678", "ae_trn|123456789012345", "eu_oss_vat|EU123456789", "cl_tin|12.345.678-K",
      "ar_cuit|12-3456789-01", "it_cf|RSSMRA85T10A562S",
      // Types without a format of their own: letters, digits and separators.
      "ad_nrt|A-123456-Z", "sv_nit|0000-000000-000-0", "my_itn|C 1234567890"})
  void validValues(String type, String value) {
    assertNull(TaxIdTypes.problem(type, value), type + " " + value);
  }

  @ParameterizedTest(name = "{0} {1} is refused")
  @CsvSource(delimiter = '|', value = {
      "eu_vat|DE12345678", "eu_vat|DE1234567890", "eu_vat|ATU1234567", "eu_vat|AT12345678", "eu_vat|FR123456789",
      "eu_vat|NL123456789012", "eu_vat|GB123456789", "eu_vat|US123456789", "eu_vat|123456789", "eu_vat|GR123456789",
      "gb_vat|123456789", "gb_vat|GB12345678",
      "us_ein|12-345678", "us_ein|AB-3456789",
      "au_abn|1234567891", "au_abn|123456789123",
      "ca_bn|12345678", "ca_gst_hst|123456789XX0002",
      "ch_vat|CHE-123.456.789", "ch_vat|CHE-123.456.78 MWST",
      "in_gst|12ABCDE3456FGXH", "in_gst|1ABCDE3456FGZH",
      "jp_cn|123456789123", "jp_trn|1234567891234",
      "br_cnpj|01.234.456/5432-1", "br_cpf|123.456.789-8",
      "no_vat|123456789", "za_vat|1123456789", "mx_rfc|AB010203AB9",
      "ad_nrt|ABCDEF", "ad_nrt|DE123<script>"})
  void invalidValues(String type, String value) {
    String problem = TaxIdTypes.problem(type, value);
    assertNotNull(problem, type + " " + value);
    assertTrue(problem.startsWith("Invalid value for " + type), problem);
  }

  @Test
  void messagesSayWhatTheFormatIs() {
    assertEquals("Invalid value for eu_vat: DE VAT numbers look like DE123456789.", TaxIdTypes.problem("eu_vat", "DE1234"));
    assertTrue(TaxIdTypes.problem("eu_vat", "US123456789").contains("AT, BE, BG"));
    assertEquals("Invalid value for au_abn: expected a number like 12345678912.", TaxIdTypes.problem("au_abn", "123"));
  }

  @Test
  void countries() {
    assertEquals("DE", TaxIdTypes.country("eu_vat", "DE123456789"));
    assertEquals("GR", TaxIdTypes.country("eu_vat", "EL123456789"), "EL is Greece's VAT prefix");
    assertEquals("GB", TaxIdTypes.country("eu_vat", "XI123456789"), "XI is Northern Ireland");
    assertEquals("GB", TaxIdTypes.country("gb_vat", "GB123456789"));
    assertEquals("US", TaxIdTypes.country("us_ein", "12-3456789"));
    assertEquals("CH", TaxIdTypes.country("ch_vat", "CHE-123.456.789 MWST"));
    assertEquals("EU", TaxIdTypes.country("eu_oss_vat", "EU123456789"));
    assertEquals("ES", TaxIdTypes.country("ic_nif", "A12345678"));
  }

  @Test
  void everyTypeIsStripes() {
    assertEquals(117, TaxIdTypes.TYPES.size(), "stripe-java 33.3.0 lists 117 customer tax ID types");
    assertEquals(TaxIdTypes.TYPES.size(), new java.util.HashSet<>(TaxIdTypes.TYPES).size());
    for (String t : TaxIdTypes.TYPES) assertEquals(2, TaxIdTypes.country(t, "DE123456789").length(), t);
  }
}
