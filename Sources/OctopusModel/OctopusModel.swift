// OctopusModel: Codable wire types of the Octopus REST API. No I/O.
