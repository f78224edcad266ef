// OctopusSandbox: the embedded Octopus-compatible server.
import OctopusModel
