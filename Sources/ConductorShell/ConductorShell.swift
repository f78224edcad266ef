// ConductorShell: grammar, session context, command handlers, rendering.
import Orchestration
