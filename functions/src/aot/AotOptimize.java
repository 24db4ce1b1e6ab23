import io.micronaut.aot.core.AOTCodeGenerator;
import io.micronaut.aot.core.Runtime;
import io.micronaut.aot.core.codegen.ApplicationContextConfigurerGenerator;
import io.micronaut.aot.core.config.DefaultConfiguration;
import io.micronaut.aot.core.config.SourceGeneratorLoader;
import io.micronaut.aot.core.context.ApplicationContextAnalyzer;
import io.micronaut.aot.core.context.DefaultSourceGenerationContext;
import com.squareup.javapoet.JavaFile;
import java.io.File;
import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Micronaut AOT at build time (functions/pom.xml runs it with `java` in process-classes): the
 * micronaut-aot-cli of the matching release is not on the Maven mirror, so this does what it does
 * with micronaut-aot-core and -std-optimizers. Analyses the context the functions build
 * (config.LambdaContext's environments), generates the ApplicationContextConfigurer that installs
 * the optimisations, compiles it into target/classes and writes its service file there.
 * Args: config.properties generated-sources-dir classes-dir classpath
 */
public class AotOptimize {
  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    try (FileReader r = new FileReader(args[0])) { p.load(r); }
    Path sources = Path.of(args[1]);
    Path classes = Path.of(args[2]);
    String classpath = args[3];
    String pkg = p.getProperty("package");
    List<String> envs = List.of(p.getProperty("environments", "").split(","));
    // A previous run's output must not steer this analysis (its static service list would hide new beans).
    deleteTree(classes.resolve(pkg.replace('.', '/')));
    Files.deleteIfExists(classes.resolve("META-INF/services/io.micronaut.context.ApplicationContextConfigurer"));
    Files.deleteIfExists(classes.resolve("META-INF/services/io.micronaut.core.optim.StaticOptimizations$Loader"));

    ApplicationContextAnalyzer analyzer = ApplicationContextAnalyzer.create(b -> b.environments(envs.toArray(String[]::new)));
    DefaultConfiguration config = new DefaultConfiguration(p);
    Path resources = Files.createTempDirectory("aot-resources");
    DefaultSourceGenerationContext context = new DefaultSourceGenerationContext(pkg, analyzer, config, resources);
    List<AOTCodeGenerator> generators = SourceGeneratorLoader.load(Runtime.JIT, context);
    System.out.println("[aot] optimisations: " + generators.stream().map(g -> g.getClass().getSimpleName()).toList());
    new ApplicationContextConfigurerGenerator(generators).generate(context);
    context.finish();

    deleteTree(sources);
    Files.createDirectories(sources);
    List<File> files = new ArrayList<>();
    for (JavaFile f : context.getGeneratedJavaFiles()) files.add(f.writeToFile(sources.toFile()));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn", "-d", classes.toString(), "-cp", classpath));
    for (File f : files) options.add(f.getPath());
    int rc = javac.run(null, null, null, options.toArray(String[]::new));
    if (rc != 0) throw new IllegalStateException("compiling the generated AOT sources failed");
    try (Stream<Path> s = Files.walk(resources)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        Path target = classes.resolve(resources.relativize(f).toString());
        Files.createDirectories(target.getParent());
        // a service file can be registered more than once: one line per implementation
        Files.write(target, Files.readAllLines(f).stream().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList());
        System.out.println("[aot] resource " + resources.relativize(f));
      }
    }
    deleteTree(resources);
    context.getDiagnostics().forEach((k, v) -> System.out.println("[aot] " + k + ": " + v.size() + " entries"));
    System.out.println("[aot] " + files.size() + " generated classes; excluded resources " + context.getExcludedResources());
    System.exit(0);
  }

  static void deleteTree(Path p) throws Exception {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }
}
