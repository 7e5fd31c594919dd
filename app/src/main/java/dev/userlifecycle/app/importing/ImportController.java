package dev.userlifecycle.app.importing;

import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.events.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Import jobs for administrators: {@code POST} an order-history file (a multipart upload, or JSON naming a file in
 * the import directory) to start a job in the background; {@code GET} a job for its progress and report.
 */
@RestController
@ConditionalOnRole(Role.COMMAND)
@RequestMapping("/api/v1/admin/imports")
public class ImportController {

    private static final Logger logger = LoggerFactory.getLogger(ImportController.class);
    private static final String PATH = "/api/v1/admin/imports/";
    private static final int MAX_LIMIT = 1000;

    private final ImportJobService service;
    private final ImportProperties properties;

    public ImportController(ImportJobService service, ImportProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    /** Starts importing an uploaded file (part {@code file}); 202 with the job, 409 while another import runs. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportJobView> upload(@RequestPart(name = "file", required = false) MultipartFile file,
                                                @RequestParam(required = false) String format,
                                                @RequestParam(required = false) String currency,
                                                @RequestParam(defaultValue = "false") boolean fromStart) {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("file", "is required: the order-history file as the part 'file'");
        }
        String name = fileName(file.getOriginalFilename());
        ImportOptions options = options(name, format, currency, fromStart);
        Path upload = store(file, name);
        ImportJobView job = service.start(new ImportSource(name, () -> Files.newInputStream(upload)), options,
                                          report -> delete(upload));
        return accepted(job);
    }

    /** Starts importing a file of the import directory, named by {@code path}; 202 with the job. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ImportJobView> serverFile(@RequestBody ServerFileImport request) {
        Path file = inImportDirectory(request.path());
        ImportOptions options = options(file.getFileName().toString(), request.format(), request.currency(),
                                        Boolean.TRUE.equals(request.fromStart()));
        return accepted(service.start(ImportSource.of(file), options, report -> { }));
    }

    /** A job: its status, progress, counts and a page of its bad lines ({@code offset}, {@code limit}). */
    @GetMapping("/{id}")
    public ImportJobView job(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
                             @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0) {
            throw new InvalidRequestException("offset", "must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return service.find(id, offset, limit).orElseThrow(() -> new UnknownImportException(id));
    }

    /** Every job, latest first, without its bad lines. */
    @GetMapping
    public List<ImportJobView> jobs() {
        return service.all();
    }

    private static ResponseEntity<ImportJobView> accepted(ImportJobView job) {
        return ResponseEntity.accepted().location(URI.create(PATH + job.id())).body(job);
    }

    private static ImportOptions options(String fileName, String format, String currency, boolean fromStart) {
        ImportFormat chosen;
        try {
            chosen = format == null || format.isBlank() ? ImportFormat.forFile(fileName) : ImportFormat.named(format);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("format", e.getMessage());
        }
        try {
            return new ImportOptions(chosen, currency, fromStart);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("currency", e.getMessage());
        }
    }

    private Path inImportDirectory(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidRequestException("path", "is required: a file in the import directory");
        }
        Path directory = properties.directory().toAbsolutePath().normalize();
        Path file = directory.resolve(path).normalize();
        if (!file.startsWith(directory)) {
            throw new InvalidRequestException("path", "must name a file inside the import directory " + directory);
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidRequestException("path", "no file '" + path + "' in the import directory " + directory);
        }
        return file;
    }

    private Path store(MultipartFile file, String name) {
        try {
            Files.createDirectories(properties.uploadDirectory());
            Path upload = Files.createTempFile(properties.uploadDirectory(), "import-", "-" + name);
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, upload, StandardCopyOption.REPLACE_EXISTING);
            }
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded file", e);
        }
    }

    private static void delete(Path upload) {
        try {
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            logger.warn("Could not delete the uploaded file {}", upload, e);
        }
    }

    /** The last segment of an uploaded file's name, in characters safe for a file name. */
    static String fileName(String original) {
        String name = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'),
                                                                            original.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isBlank() || name.startsWith(".") ? "upload" + name : name;
    }
}
