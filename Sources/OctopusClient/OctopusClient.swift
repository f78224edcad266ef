// OctopusClient: HTTP client for the Octopus REST API.
import OctopusModel
