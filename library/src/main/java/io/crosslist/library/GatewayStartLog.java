package io.crosslist.library;

import io.crosslist.adapter.marketplace.SimulatedGateway;
import io.crosslist.domain.UniqueIndex;
import io.crosslist.domain.marketplace.Marketplace;
import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, once when an injector with a {@link CrosslistModule} is created, which gateways are real and which are
 * simulated, in one INFO line of the logger {@code io.crosslist.library.CrosslistModule}:
 *
 * <pre>
 * gateways: marketplace VINTED=simulated EBAY=real(AcmeEbayGateway) ETSY=simulated; oauth EBAY=real(AcmeEbayOAuth)
 * ETSY=simulated; conversations VINTED=simulated EBAY=simulated ETSY=simulated; keep-alive VINTED=simulated
 * </pre>
 *
 * <p>When real and simulated gateways are mixed, a WARN line follows naming the simulated ones: a host that binds a
 * real gateway runs against real marketplaces, where a simulated one answers without calling anything. Only simulated
 * gateways (a demo, a test, {@code crosslist serve}) is no mistake and stays at INFO.
 */
final class GatewayStartLog {
  static final Logger LOG = LoggerFactory.getLogger(CrosslistModule.class);

  @Inject
  GatewayStartLog(Gateways gateways) {
    LOG.info(line(gateways));
    String simulated = simulatedBesideReal(gateways);
    if (!simulated.isEmpty()) {
      LOG.warn("simulated gateways in use beside real ones, answering without calling any marketplace: {}; bind real"
          + " ones (CrosslistModule.builder()) or build with withoutSimulations() to leave them unbound", simulated);
    }
  }

  /** The INFO line: per kind, each marketplace's gateway as {@code real(ClassName)} or {@code simulated}. */
  static String line(Gateways gateways) {
    return "gateways: " + kinds(gateways).entrySet().stream()
        .map(kind -> kind.getKey() + " " + describe(kind.getValue()))
        .collect(Collectors.joining("; "));
  }

  /** The simulated gateways by kind when some gateway is real, else empty. */
  static String simulatedBesideReal(Gateways gateways) {
    Map<String, UniqueIndex<Marketplace, ?>> kinds = kinds(gateways);
    boolean anyReal = kinds.values().stream().flatMap(k -> k.values().stream()).anyMatch(g -> !isSimulated(g));
    if (!anyReal) {
      return "";
    }
    List<String> simulated = new ArrayList<>();
    kinds.forEach((kind, index) -> {
      List<String> marketplaces = index.keys().stream()
          .filter(m -> isSimulated(index.find(m).orElseThrow())).map(String::valueOf).toList();
      if (!marketplaces.isEmpty()) {
        simulated.add(kind + " " + String.join(", ", marketplaces));
      }
    });
    return String.join("; ", simulated);
  }

  private static Map<String, UniqueIndex<Marketplace, ?>> kinds(Gateways gateways) {
    Map<String, UniqueIndex<Marketplace, ?>> kinds = new LinkedHashMap<>();
    kinds.put("marketplace", gateways.marketplaces());
    kinds.put("oauth", gateways.oauth());
    kinds.put("conversations", gateways.conversations());
    kinds.put("keep-alive", gateways.keepAlive());
    return kinds;
  }

  private static String describe(UniqueIndex<Marketplace, ?> index) {
    if (index.size() == 0) {
      return "none";
    }
    return index.keys().stream().map(m -> m + "=" + describe(index.find(m).orElseThrow()))
        .collect(Collectors.joining(" "));
  }

  private static String describe(Object gateway) {
    if (isSimulated(gateway)) {
      return "simulated";
    }
    String name = gateway.getClass().getSimpleName();
    return "real(" + (name.isEmpty() ? gateway.getClass().getName() : name) + ")";
  }

  private static boolean isSimulated(Object gateway) {
    return gateway instanceof SimulatedGateway;
  }
}
