package dev.userlifecycle.command.api;

import dev.userlifecycle.events.DeclareIncident;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incident commands", description = "Declaring incidents that affected users")
public class IncidentCommandController {

    private final CommandGateway commands;
    private final BusinessTime time;

    public IncidentCommandController(CommandGateway commands, BusinessTime time) {
        this.commands = commands;
        this.time = time;
    }

    @PostMapping
    @Operation(summary = "Declare an incident",
               description = "201 with the incidentId; 422 when an affected user is unknown; 409 if the id exists")
    public ResponseEntity<Map<String, String>> declare(@Valid @RequestBody DeclareIncidentRequest request) {
        String incidentId = request.incidentId() == null ? "incident-" + UUID.randomUUID() : request.incidentId();
        commands.sendAndWait(new DeclareIncident(incidentId, request.title(), request.severity(),
                                                 request.affectedUserIds(), time.orNow(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incidentId))
                             .body(Map.of("incidentId", incidentId));
    }
}
