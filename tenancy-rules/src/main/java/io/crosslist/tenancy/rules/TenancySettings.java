package io.crosslist.tenancy.rules;

import com.tngtech.archunit.ArchConfiguration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A host's own settings for the tenancy rules: which of its packages (and resource folders) are its
 * persistence adapter and may switch schemas, which of its tables are tenant tables (declared, or read
 * from its per-tenant migration scripts), and which resource folders the rules read. The ready
 * {@link CrosslistTenancyRules} reads them from {@code archunit.properties}:
 *
 * <pre>{@code
 * crosslist.tenancy.persistencePackages=com.acme.persistence..
 * crosslist.tenancy.tenantTables=orders,invoices
 * crosslist.tenancy.tenantMigrations=db/tenant
 * }</pre>
 *
 * or a host builds them in code: {@code TenancySettings.builder().persistencePackages("com.acme.persistence..").build()}.
 *
 * @param persistencePackages packages of the host's own persistence adapter ({@code com.acme.persistence} or, with
 *     its subpackages, {@code com.acme.persistence..}); their classes, and the resources in their folders, may switch
 * @param persistenceResources further resource folders owned by that adapter ({@code db/admin})
 * @param resourceFolders the only resource folders the rules read; empty: every folder but {@code META-INF}
 * @param tenantTables tenant tables declared by name (lower case)
 * @param noTenantTables the host declares that it has no tenant tables of its own
 * @param tenantMigrations resource folders of per-tenant migration scripts: every table they create is a tenant table
 */
public record TenancySettings(List<String> persistencePackages, List<String> persistenceResources,
    List<String> resourceFolders, Set<String> tenantTables, boolean noTenantTables, List<String> tenantMigrations) {

  /** The prefix of the settings in {@code archunit.properties}. */
  public static final String PREFIX = "crosslist.tenancy.";
  public static final String PERSISTENCE_PACKAGES = PREFIX + "persistencePackages";
  public static final String PERSISTENCE_RESOURCES = PREFIX + "persistenceResources";
  public static final String RESOURCE_FOLDERS = PREFIX + "resourceFolders";
  public static final String TENANT_TABLES = PREFIX + "tenantTables";
  public static final String TENANT_MIGRATIONS = PREFIX + "tenantMigrations";
  private static final List<String> KEYS =
      List.of(PERSISTENCE_PACKAGES, PERSISTENCE_RESOURCES, RESOURCE_FOLDERS, TENANT_TABLES, TENANT_MIGRATIONS);
  /** The value of {@link #TENANT_TABLES} by which a host says it has none. */
  public static final String NONE = "none";

  private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(\\.\\.)?");
  private static final Pattern FOLDER = Pattern.compile("[^/\\\\*?]+(/[^/\\\\*?]+)*");
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public TenancySettings {
    persistencePackages = checked(PERSISTENCE_PACKAGES, persistencePackages, PACKAGE,
        "a package name, optionally ending in '..' for its subpackages (com.acme.persistence..)");
    persistenceResources = checked(PERSISTENCE_RESOURCES, persistenceResources, FOLDER,
        "a folder inside the resources, without a leading '/' or wildcards (db/admin)");
    resourceFolders = checked(RESOURCE_FOLDERS, resourceFolders, FOLDER,
        "a folder inside the resources, without a leading '/' or wildcards (db)");
    tenantMigrations = checked(TENANT_MIGRATIONS, tenantMigrations, FOLDER,
        "a folder inside the resources, without a leading '/' or wildcards (db/tenant)");
    List<String> tables = checked(TENANT_TABLES, List.copyOf(tenantTables), TABLE, "a table name (orders)");
    Set<String> lowerCase = new TreeSet<>();
    tables.forEach(t -> lowerCase.add(t.toLowerCase(Locale.ROOT)));
    tenantTables = Collections.unmodifiableSet(lowerCase);
    if (noTenantTables && (!tenantTables.isEmpty() || !tenantMigrations.isEmpty())) {
      throw new IllegalArgumentException(TENANT_TABLES + "=" + NONE + " says the host has no tenant tables;"
          + " it cannot also declare tenant tables or " + TENANT_MIGRATIONS);
    }
  }

  /** No persistence adapter of the host's own, every resource folder read, tenant tables inferred from {@code ${tenant}.x}. */
  public static TenancySettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The settings under {@value #PREFIX} in {@code archunit.properties} (or {@code -Darchunit.crosslist.tenancy...}). */
  public static TenancySettings fromArchUnitProperties() {
    Properties sub = ArchConfiguration.get().getSubProperties(PREFIX.substring(0, PREFIX.length() - 1));
    Properties prefixed = new Properties();
    sub.stringPropertyNames().forEach(k -> prefixed.setProperty(PREFIX + k, sub.getProperty(k)));
    return fromProperties(prefixed);
  }

  /** The settings under {@value #PREFIX} in {@code properties}; other keys are ignored, a misspelled one is refused. */
  public static TenancySettings fromProperties(Properties properties) {
    Builder builder = builder();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      String[] values = Arrays.stream(properties.getProperty(key).split(","))
          .map(String::strip).filter(v -> !v.isEmpty()).toArray(String[]::new);
      switch (key.substring(PREFIX.length())) {
        case "persistencePackages" -> builder.persistencePackages(values);
        case "persistenceResources" -> builder.persistenceResources(values);
        case "resourceFolders" -> builder.resourceFolders(values);
        case "tenantMigrations" -> builder.tenantTablesFromMigrations(values);
        case "tenantTables" -> {
          if (values.length == 1 && values[0].equalsIgnoreCase(NONE)) {
            builder.noTenantTables();
          } else {
            builder.tenantTables(values);
          }
        }
        default -> throw new IllegalArgumentException(key + " is not a setting of the Crosslist tenancy rules;"
            + " the settings are " + String.join(", ", KEYS));
      }
    }
    return builder.build();
  }

  /** The resource folder of a persistence package: {@code com/acme/persistence}. */
  static String folderOf(String persistencePackage) {
    return persistencePackage.replaceFirst("\\.\\.$", "").replace('.', '/');
  }

  private static List<String> checked(String setting, List<String> values, Pattern form, String expected) {
    List<String> copy = new ArrayList<>();
    for (String value : values) {
      String v = value == null ? "" : value.strip().replaceAll("^/+|/+$", "");
      if (!form.matcher(v).matches()) {
        throw new IllegalArgumentException(setting + ": '" + value + "' is not " + expected);
      }
      copy.add(v);
    }
    return List.copyOf(new LinkedHashSet<>(copy));
  }

  /** Builds {@link TenancySettings}; each method adds to what was given before. */
  public static final class Builder {
    private final List<String> persistencePackages = new ArrayList<>();
    private final List<String> persistenceResources = new ArrayList<>();
    private final List<String> resourceFolders = new ArrayList<>();
    private final List<String> tenantTables = new ArrayList<>();
    private final List<String> tenantMigrations = new ArrayList<>();
    private boolean noTenantTables;

    private Builder() {}

    public Builder persistencePackages(String... packages) {
      persistencePackages.addAll(Arrays.asList(packages));
      return this;
    }

    public Builder persistenceResources(String... folders) {
      persistenceResources.addAll(Arrays.asList(folders));
      return this;
    }

    public Builder resourceFolders(String... folders) {
      resourceFolders.addAll(Arrays.asList(folders));
      return this;
    }

    public Builder tenantTables(String... tables) {
      tenantTables.addAll(Arrays.asList(tables));
      return this;
    }

    public Builder tenantTablesFromMigrations(String... folders) {
      tenantMigrations.addAll(Arrays.asList(folders));
      return this;
    }

    /** The host has no tenant tables of its own, so the qualification rule has nothing to know. */
    public Builder noTenantTables() {
      noTenantTables = true;
      return this;
    }

    public TenancySettings build() {
      return new TenancySettings(persistencePackages, persistenceResources, resourceFolders,
          new LinkedHashSet<>(tenantTables), noTenantTables, tenantMigrations);
    }
  }
}
