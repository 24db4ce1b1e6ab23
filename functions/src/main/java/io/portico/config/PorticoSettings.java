package io.portico.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Deployment settings ({@code portico.*}; in Lambda from environment variables set by template.yaml).
 */
@ConfigurationProperties("portico")
public class PorticoSettings {
  /** Where customers reach the portal, e.g. https://billing.example.com. Empty: derived from each request's host. */
  private String publicBaseUrl = "";
  /** Largest request body accepted, in bytes. */
  private int maxBodyBytes = 256 * 1024;
  /** Stripe API version written on events when the request did not name one. */
  private String apiVersion = "2026-07-29.dahlia";

  public String getPublicBaseUrl() { return publicBaseUrl; }
  public void setPublicBaseUrl(String publicBaseUrl) { this.publicBaseUrl = publicBaseUrl; }
  public int getMaxBodyBytes() { return maxBodyBytes; }
  public void setMaxBodyBytes(int maxBodyBytes) { this.maxBodyBytes = maxBodyBytes; }
  public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
}
