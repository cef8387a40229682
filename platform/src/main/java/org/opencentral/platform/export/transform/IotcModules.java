package org.opencentral.platform.export.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Version;
import net.thisptr.jackson.jq.exception.JsonQueryException;
import net.thisptr.jackson.jq.internal.javacc.ExpressionParser;
import net.thisptr.jackson.jq.module.Module;
import net.thisptr.jackson.jq.module.ModuleLoader;
import net.thisptr.jackson.jq.module.SimpleModule;

/**
 * The module loader of export transforms: {@code import "iotc" as iotc;} loads IoT Central's helper
 * module, written in jq ({@code iotc.jq} next to this class) and compiled once, when the loader is
 * made; every other module or data import is refused (a transform reads nothing else).
 */
final class IotcModules implements ModuleLoader {
    static final String IOTC = "iotc";
    private final Module iotc;

    IotcModules(Scope builtins, Version version) {
        this.iotc = compile(builtins, version, source());
    }

    private static Module compile(Scope builtins, Version version, String source) {
        SimpleModule module = new SimpleModule();
        Scope scope = Scope.newChildScope(builtins);
        scope.setCurrentModule(module);
        try {
            // as jackson-jq's own file-system loader does: the definitions run in the module's scope
            // (JsonQuery.compile would isolate them in a child scope)
            ExpressionParser.compile(source + " .", version).apply(scope, NullNode.getInstance(), out -> { });
        } catch (JsonQueryException e) {
            throw new IllegalStateException("the iotc jq module does not compile", e);
        }
        module.addAllFunctions(scope.getLocalFunctions());
        return module;
    }

    private static String source() {
        try (InputStream in = IotcModules.class.getResourceAsStream("iotc.jq")) {
            if (in == null) {
                throw new IllegalStateException("iotc.jq is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Module loadModule(Module caller, String path, JsonNode metadata) throws JsonQueryException {
        if (!IOTC.equals(path)) {
            throw new JsonQueryException("module \"" + path + "\" not found; a transform can import \"iotc\" only");
        }
        return iotc;
    }

    @Override
    public JsonNode loadData(Module caller, String path, JsonNode metadata) throws JsonQueryException {
        throw new JsonQueryException("data \"" + path + "\" not found; a transform can import \"iotc\" only");
    }
}
