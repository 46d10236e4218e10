package io.crosslist.tenancy.rules;

import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.crosslist.tenancy.rules.ClassPathResources.Resource;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * What every tenancy condition shares: the settings, which classes and resources belong to the host's
 * persistence adapter, the resources beside the classes (read once per evaluation, in {@link #finish}),
 * and the report of a setting that matches nothing.
 */
abstract class HostCondition extends ArchCondition<JavaClass> {
  final TenancySettings settings;
  private final boolean readsResources;
  private final Predicate<String> persistencePackage;
  private Collection<JavaClass> classes = List.of();
  ClassPathResources.Scan scan = new ClassPathResources.Scan(List.of(), List.of());

  HostCondition(String description, TenancySettings settings, boolean readsResources) {
    super(description);
    this.settings = settings;
    this.readsResources = readsResources;
    this.persistencePackage = settings.persistencePackages().isEmpty() ? name -> false
        : PackageMatchers.of(settings.persistencePackages());
  }

  @Override
  public final void init(Collection<JavaClass> all) {
    classes = all;
    scan = new ClassPathResources.Scan(List.of(), List.of());
    reset();
  }

  /** Forget what the last evaluation gathered (a rule is evaluated more than once, for example when frozen). */
  void reset() {}

  @Override
  public void check(JavaClass item, ConditionEvents events) {}

  /** The resources the rule reads ({@link TenancySettings#resourceFolders()} applied), once all classes were checked. */
  void finish(List<Resource> checked, ConditionEvents events) {}

  @Override
  public final void finish(ConditionEvents events) {
    for (String p : settings.persistencePackages()) {
      PackageMatchers matcher = PackageMatchers.of(p);
      if (classes.stream().noneMatch(c -> matcher.test(c.getPackageName()))) {
        violated(events, Messages.settingMatchesNothing(TenancySettings.PERSISTENCE_PACKAGES, p,
            "holds none of the " + classes.size() + " analysed classes"));
      }
    }
    if (!readsResources) {
      return;
    }
    scan = ClassPathResources.besides(classes);
    List<Resource> checked = settings.resourceFolders().isEmpty() ? scan.resources()
        : scan.resources().stream().filter(r -> settings.resourceFolders().stream().anyMatch(r::isIn)).toList();
    folderProblems(TenancySettings.RESOURCE_FOLDERS, settings.resourceFolders(), events);
    folderProblems(TenancySettings.PERSISTENCE_RESOURCES, settings.persistenceResources(), events);
    finish(checked, events);
  }

  private void folderProblems(String setting, List<String> folders, ConditionEvents events) {
    for (String folder : folders) {
      if (scan.resources().stream().noneMatch(r -> r.isIn(folder))) {
        violated(events, Messages.settingMatchesNothing(setting, folder, "names a folder with no "
            + String.join(", ", ClassPathResources.EXTENSIONS) + " file (class-path roots read: "
            + Messages.rootsText(scan.roots()) + ")"));
      }
    }
  }

  boolean isPersistence(JavaClass javaClass) {
    return persistencePackage.test(javaClass.getPackageName());
  }

  /** A resource in a persistence package's folder, or in a folder listed as the persistence adapter's. */
  boolean isPersistence(Resource resource) {
    for (String p : settings.persistencePackages()) {
      String folder = TenancySettings.folderOf(p);
      boolean withSubpackages = p.endsWith("..");
      if (resource.isIn(folder) && (withSubpackages || resource.path().indexOf('/', folder.length() + 1) < 0)) {
        return true;
      }
    }
    return settings.persistenceResources().stream().anyMatch(resource::isIn);
  }

  static void violated(ConditionEvents events, String message) {
    events.add(SimpleConditionEvent.violated(message, message));
  }
}
