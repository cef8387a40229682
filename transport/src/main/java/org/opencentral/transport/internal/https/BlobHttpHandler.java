package org.opencentral.transport.internal.https;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.opencentral.platform.file.BlobPut;
import org.opencentral.platform.file.EmbeddedBlobStore;
import org.opencentral.platform.file.FileUploadSettings;
import org.opencentral.platform.file.FileUploads;
import org.opencentral.transport.internal.TransportContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded blob store's endpoint on the HTTPS listener: the part of the Azure Blob protocol a
 * device SDK's upload uses, each a {@code PUT /devicefiles/uploads/{blob}?{SAS}} (the path is decoded
 * as a whole, {@code +} as a space as the device SDK's URL encoder writes it): Put Blob (with
 * {@code x-ms-blob-type: BlockBlob}), answered 201 with an ETag; Put Block ({@code comp=block&blockid=…},
 * the block as the body), answered 201; Put Block List ({@code comp=blocklist}, the XML
 * {@code <BlockList>} naming the blocks in order, {@link BlockListXml}), answered 201 with an ETag.
 * Errors have the Blob protocol's shape: the status, an {@code x-ms-error-code} header and an XML
 * {@code <Error><Code/><Message/></Error>} body.
 */
public final class BlobHttpHandler extends HttpsRouteHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BlobHttpHandler.class);
    private static final String VERSION = "2021-08-06";
    private static final String BLOB_TYPE = "x-ms-blob-type";
    private static final String BLOB_CONTENT_TYPE = "x-ms-blob-content-type";
    /** RFC 1123 with a two-digit day, which the Azure client requires (Java's formatter writes one digit). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private final TransportContext context;

    public BlobHttpHandler(TransportContext context) {
        this.context = context;
    }

    /**
     * The largest HTTPS request body the listener must take in for file uploads: one byte over the
     * per-file limit, so that a file just over it is refused here in the Blob protocol's shape (a
     * larger body is refused by the HTTP layer, 413 without a body).
     */
    public static int bodyLimit(FileUploadSettings settings) {
        return settings.folder().isPresent() ? settings.maxFileBytes() + 1 : 0;
    }

    /** Whether a request target is a blob of the embedded store. */
    public static boolean isBlobPath(String uri) {
        return new QueryStringDecoder(uri).rawPath().startsWith(FileUploads.PATH_PREFIX);
    }

    @Override
    protected boolean serves(String uri) {
        return isBlobPath(uri);
    }

    @Override
    protected void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        ctx.channel().config().setAutoRead(false);
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Optional<FullHttpResponse> refused = refusal(request, uri.parameters());
        if (refused.isPresent()) {
            HttpReplies.send(ctx, keepAlive, refused.get());
            return;
        }
        String path = QueryStringDecoder.decodeComponent(uri.rawPath().substring(FileUploads.PATH_PREFIX.length()));
        if (!path.startsWith(FileUploads.CONTAINER + "/")) {
            HttpReplies.send(ctx, keepAlive, error(HttpResponseStatus.NOT_FOUND, "ContainerNotFound",
                    "the only container is " + FileUploads.CONTAINER));
            return;
        }
        String blobName = path.substring(FileUploads.CONTAINER.length() + 1);
        Optional<String> contentType = Optional.ofNullable(request.headers().get(BLOB_CONTENT_TYPE))
                .or(() -> Optional.ofNullable(request.headers().get(HttpHeaderNames.CONTENT_TYPE)));
        byte[] body = ByteBufUtil.getBytes(request.content());
        Map<String, List<String>> query = uri.parameters();
        EmbeddedBlobStore store = context.services().files().embedded();
        String comp = query.getOrDefault("comp", List.of("")).getFirst();
        Supplier<BlobPut> put = switch (comp) {
            case "block" -> () -> store.putBlock(blobName, query, query.getOrDefault("blockid", List.of("")).getFirst(),
                    body);
            case "blocklist" -> () -> BlockListXml.parse(body).<BlobPut>map(
                    ids -> store.putBlockList(blobName, query, contentType, ids)).orElseGet(() -> new BlobPut.Refused(400,
                    "InvalidXmlDocument", "the body is not a <BlockList> of block ids"));
            default -> () -> store.put(blobName, query, contentType, body);
        };
        context.blocking().execute(() -> HttpReplies.send(ctx, keepAlive, answer(put)));
    }

    /** A request that is not a Put Blob, Put Block or Put Block List, answered as such. */
    private static Optional<FullHttpResponse> refusal(FullHttpRequest request, Map<String, List<String>> query) {
        if (!request.method().equals(HttpMethod.PUT)) {
            return Optional.of(error(HttpResponseStatus.METHOD_NOT_ALLOWED, "UnsupportedHttpVerb",
                    "only Put Blob, Put Block and Put Block List are supported; " + request.method() + " is not"));
        }
        List<String> comp = query.getOrDefault("comp", List.of());
        if (comp.size() > 1 || (comp.size() == 1 && !List.of("block", "blocklist").contains(comp.getFirst()))) {
            return Optional.of(error(HttpResponseStatus.BAD_REQUEST, "UnsupportedQueryParameter",
                    "comp=" + comp + " is not supported; only Put Blob, Put Block and Put Block List are"));
        }
        if (comp.isEmpty() && !"BlockBlob".equals(request.headers().get(BLOB_TYPE))) {
            return Optional.of(error(HttpResponseStatus.BAD_REQUEST, "MissingRequiredHeader",
                    BLOB_TYPE + ": BlockBlob is required"));
        }
        return Optional.empty();
    }

    private FullHttpResponse answer(Supplier<BlobPut> put) {
        try {
            return switch (put.get()) {
                case BlobPut.Stored stored -> {
                    FullHttpResponse response = HttpReplies.of(HttpResponseStatus.CREATED, "", new byte[0]);
                    response.headers().set(HttpHeaderNames.ETAG, "\"0x" + Long.toHexString(stored.at().toEpochMilli())
                            .toUpperCase(Locale.ROOT) + "\"")
                            .set(HttpHeaderNames.LAST_MODIFIED, HTTP_DATE.format(stored.at()));
                    yield withIds(response);
                }
                case BlobPut.BlockStaged staged -> withIds(HttpReplies.of(HttpResponseStatus.CREATED, "", new byte[0]));
                case BlobPut.Refused no -> {
                    context.metrics().refused("blob_" + no.code().toLowerCase(Locale.ROOT));
                    yield error(HttpResponseStatus.valueOf(no.status()), no.code(), no.message());
                }
            };
        } catch (RuntimeException e) {
            LOG.warn("storing an uploaded blob failed", e);
            context.metrics().error("blob_failed");
            return error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "InternalError",
                    "the blob could not be stored; send it again");
        }
    }

    /** The Blob protocol's error: status, {@code x-ms-error-code} and the XML body. */
    static FullHttpResponse error(HttpResponseStatus status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>"
                + escape(message) + "</Message></Error>";
        FullHttpResponse response = HttpReplies.of(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
        response.headers().set("x-ms-error-code", code);
        return withIds(response);
    }

    private static FullHttpResponse withIds(FullHttpResponse response) {
        response.headers().set("x-ms-request-id", UUID.randomUUID().toString()).set("x-ms-version", VERSION);
        return response;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
