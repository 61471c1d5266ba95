module legalmap/scripts/osmboundaries

go 1.26.3

require (
	github.com/paulmach/orb v0.14.0
	github.com/paulmach/osm v0.8.0
)

require go.mongodb.org/mongo-driver/v2 v2.5.0 // indirect
