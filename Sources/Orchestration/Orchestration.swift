// Orchestration: the promotion engine.
import OctopusClient
