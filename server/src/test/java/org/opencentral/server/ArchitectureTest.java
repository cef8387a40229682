package org.opencentral.server;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of {@code docs/architecture.md} and the modules' {@code package-info} files, checked
 * over the production classes of every module the server is built from. Maven's module
 * dependencies already forbid some of these imports; the JDK's JDBC and anything a library brings
 * in transitively are on every class path, so only this test keeps them out of the domain.
 */
@AnalyzeClasses(packages = "org.opencentral", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {"org.opencentral.core..", "org.opencentral.dtdl..",
        "org.opencentral.platform.."};

    @ArchTest
    static final ArchRule dependenciesPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("server").definedBy("org.opencentral.server..")
            .layer("transport").definedBy("org.opencentral.transport..")
            .layer("api").definedBy("org.opencentral.api..")
            .layer("store").definedBy("org.opencentral.store..")
            .layer("platform").definedBy("org.opencentral.platform..")
            .layer("dtdl").definedBy("org.opencentral.dtdl..")
            .layer("core").definedBy("org.opencentral.core..")
            .whereLayer("server").mayNotBeAccessedByAnyLayer()
            .whereLayer("transport").mayOnlyBeAccessedByLayers("server")
            .whereLayer("api").mayOnlyBeAccessedByLayers("server")
            .whereLayer("store").mayOnlyBeAccessedByLayers("server")
            .whereLayer("platform").mayOnlyBeAccessedByLayers("server", "transport", "api")
            .whereLayer("dtdl").mayOnlyBeAccessedByLayers("server", "transport", "api", "platform")
            .whereLayer("core").mayOnlyBeAccessedByLayers("server", "transport", "api", "store", "platform");

    @ArchTest
    static final ArchRule domainImportsNoFrameworkOrJdbc = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.javalin..",
                    "org.eclipse.jetty..", "jakarta.servlet..", "java.sql..", "javax.sql..", "org.sqlite..",
                    "org.postgresql..", "org.duckdb..", "com.zaxxer..")
            .because("the domain talks to the outside only through its ports (docs/architecture.md)");

    @ArchTest
    static final ArchRule dtdlStandsAlone = noClasses().that().resideInAPackage("org.opencentral.dtdl..")
            .should().dependOnClassesThat().resideInAnyPackage("org.opencentral.core..", "org.opencentral.platform..")
            .because("the DTDL parser is usable on its own and depends on Jackson only");

    @ArchTest
    static final ArchRule transportInternalsStayInTransport = noClasses()
            .that().resideOutsideOfPackage("org.opencentral.transport..")
            .should().dependOnClassesThat().resideInAPackage("org.opencentral.transport.internal..")
            .because("org.opencentral.transport is the module's API; internal is private to it");

    @ArchTest
    static final ArchRule dtdlInternalsStayInDtdl = noClasses()
            .that().resideOutsideOfPackage("org.opencentral.dtdl..")
            .should().dependOnClassesThat().resideInAPackage("org.opencentral.dtdl.internal..")
            .because("org.opencentral.dtdl.internal is private to the module");

    @ArchTest
    static final ArchRule edgesImportNoStorage = noClasses()
            .that().resideInAnyPackage("org.opencentral.api..", "org.opencentral.transport..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                    "org.postgresql..", "org.duckdb..", "com.zaxxer..")
            .because("the REST API and the device transport talk only to platform services");

    @ArchTest
    static final ArchRule apiImportsNoNetty = noClasses().that().resideInAPackage("org.opencentral.api..")
            .should().dependOnClassesThat().resideInAPackage("io.netty..");

    @ArchTest
    static final ArchRule transportImportsNoJavalin = noClasses().that().resideInAPackage("org.opencentral.transport..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule sharedJdbcCodeIsEngineNeutral = noClasses().that().resideInAPackage("org.opencentral.store.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("org.opencentral.store.sqlite..",
                    "org.opencentral.store.postgres..", "org.sqlite..", "org.postgresql..")
            .because("what differs between SQLite and PostgreSQL lives in Dialect and the migrations");

    @ArchTest
    static final ArchRule onlyTheStoreWritesTelemetrySql = noClasses()
            .that().resideInAnyPackage("org.opencentral.core..", "org.opencentral.platform..")
            .should().haveSimpleNameEndingWith("Sql")
            .orShould().dependOnClassesThat(describe("SQL builders (classes named …Sql)",
                    c -> c.getSimpleName().endsWith("Sql")))
            .orShould().resideInAPackage("..sql..")
            .because("the platform plans telemetry queries as typed TelemetryQuery records; store/telemetry "
                    + "owns the SQL and the only knowledge of tables and columns (docs/query.md)");
}
