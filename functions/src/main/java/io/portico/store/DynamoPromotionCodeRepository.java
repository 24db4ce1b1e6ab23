package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.PromotionCode;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import java.util.Locale;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * Promotion codes are listed per code (lower case) through {@value TableLayout#BY_LOOKUP}; the code
 * of an active one is held by a marker item {@code promotion_code#<scope>#<code>} written in the
 * same transaction.
 */
@Singleton
public class DynamoPromotionCodeRepository extends DynamoObjects<PromotionCode> implements PromotionCodeRepository {
  public DynamoPromotionCodeRepository(BillingTable table) {
    super(table, PromotionCode.OBJECT, PromotionCode.class);
  }

  @Override
  protected String id(PromotionCode p) {
    return p.id();
  }

  @Override
  protected void decorate(Scope scope, PromotionCode p, EnhancedDocument.Builder item) {
    item.putString(TableLayout.LOOKUP_PK, lookupPk(scope, "code", p.code().toLowerCase(Locale.ROOT)));
  }

  @Override
  public void stageInsert(Changes changes, Scope scope, PromotionCode promo, long createdMs, Event event) {
    super.stageInsert(changes, scope, promo, createdMs, event);
    if (promo.active()) changes.claim(marker(scope, promo));
  }

  @Override
  public void stageReplace(Changes changes, Scope scope, Versioned<PromotionCode> previous, PromotionCode promo, Event event) {
    super.stageReplace(changes, scope, previous, promo, event);
    if (promo.active() == previous.value().active()) return;
    if (promo.active()) changes.claim(marker(scope, promo));
    else changes.add(Write.delete(TableLayout.promotionCodePk(scope.key(), promo.code())));
  }

  @Override
  public void stageRedemption(Changes changes, Scope scope, Versioned<PromotionCode> current) {
    if (!current.value().active() || current.value().fullyRedeemed()) {
      throw new IllegalStateException("promotion code " + current.value().id() + " cannot be redeemed; check it first");
    }
    PromotionCode redeemed = current.value().redeemedOnceMore();
    changes.add(Write.replace(item(scope, redeemed, current.createdMs(), current.version() + 1), current.version()));
  }

  @Override
  public Versioned<PromotionCode> findActiveByCode(Scope scope, String code) {
    EnhancedDocument marker = table.get(TableLayout.promotionCodePk(scope.key(), code));
    return marker == null ? null : find(scope, marker.getString("promotion_code"));
  }

  @Override
  public ListPage<PromotionCode> list(Scope scope, String code, Boolean active, String coupon, String customer, TimeRange created,
      ListRequest request) {
    var filter = new DataFilter().eq("active", active).eq("promotion.coupon", coupon).eq("customer", customer).within("created", created)
        .build();
    return code != null ? listByLookup(scope, "code", code.toLowerCase(Locale.ROOT), request, filter) : listAll(scope, request, filter);
  }

  private static EnhancedDocument marker(Scope scope, PromotionCode promo) {
    return EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .putString(TableLayout.PK, TableLayout.promotionCodePk(scope.key(), promo.code()))
        .putString(TableLayout.KIND, "active_promotion_code")
        .putString(TableLayout.SCOPE, scope.key())
        .putString("promotion_code", promo.id())
        .build();
  }
}
