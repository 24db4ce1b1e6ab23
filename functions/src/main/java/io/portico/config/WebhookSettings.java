package io.portico.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.portico.domain.WebhookRetries;
import java.time.Duration;

/**
 * Webhook delivery settings ({@code portico.webhooks.*}; in Lambda PORTICO_WEBHOOKS_TIMEOUT_SECONDS and
 * so on): how long an endpoint has to answer, and the retry schedule.
 */
@ConfigurationProperties("portico.webhooks")
public class WebhookSettings {
  /** An endpoint that has not answered after this long has failed this attempt. */
  private int timeoutSeconds = 10;
  /** The first retry comes this long after the first failure; each later one waits twice as long as the one before... */
  private int firstRetryMinutes = 1;
  /** ...up to this. */
  private int maxRetryDelayMinutes = 60;
  /** Retries stop this long after the event (Stripe: three days); the delivery has then failed. */
  private int retryHours = 72;

  public Duration timeout() { return Duration.ofSeconds(timeoutSeconds); }

  public WebhookRetries retries() {
    return new WebhookRetries(Duration.ofMinutes(firstRetryMinutes), Duration.ofMinutes(maxRetryDelayMinutes), Duration.ofHours(retryHours));
  }

  public int getTimeoutSeconds() { return timeoutSeconds; }
  public void setTimeoutSeconds(int timeoutSeconds) { this.timeoutSeconds = timeoutSeconds; }
  public int getFirstRetryMinutes() { return firstRetryMinutes; }
  public void setFirstRetryMinutes(int firstRetryMinutes) { this.firstRetryMinutes = firstRetryMinutes; }
  public int getMaxRetryDelayMinutes() { return maxRetryDelayMinutes; }
  public void setMaxRetryDelayMinutes(int maxRetryDelayMinutes) { this.maxRetryDelayMinutes = maxRetryDelayMinutes; }
  public int getRetryHours() { return retryHours; }
  public void setRetryHours(int retryHours) { this.retryHours = retryHours; }
}
