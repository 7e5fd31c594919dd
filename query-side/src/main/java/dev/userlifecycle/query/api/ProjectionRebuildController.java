package dev.userlifecycle.query.api;

import dev.userlifecycle.query.rebuild.ProjectionRebuilds;
import dev.userlifecycle.query.rebuild.RebuildProgress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Rebuilds of the projections (an operator's tool): start one, which answers at once while the copy is built in the
 * background, and follow its progress.
 */
@RestController
@RequestMapping("/api/v1/admin/projections/{name}/rebuild")
public class ProjectionRebuildController {

    private final ProjectionRebuilds rebuilds;

    public ProjectionRebuildController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** 202 with the new rebuild's progress; 404 for an unknown projection, 409 while one of it runs. */
    @PostMapping
    public ResponseEntity<RebuildProgress> start(@PathVariable String name) {
        RebuildProgress started = rebuilds.start(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                             .location(URI.create("/api/v1/admin/projections/" + name + "/rebuild"))
                             .body(started);
    }

    /** The latest rebuild of the projection; 404 for an unknown projection or one never rebuilt. */
    @GetMapping
    public RebuildProgress progress(@PathVariable String name) {
        return rebuilds.progress(name);
    }
}
