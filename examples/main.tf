# The configuration examples/plan.json was planned from: `terraform show -json` of a plan
# that deletes the customer-data key, adds its successor and rebuilds the log archive key.

module "storage" {
  source   = "./modules/storage"
  for_each = toset(["logs"])
  name     = each.key
}

# The old customer-data key is retired in favour of data_v2.
removed {
  from = aws_kms_key.data

  lifecycle {
    destroy = true
  }
}

resource "aws_kms_key" "data_v2" {
  description             = "Customer data v2"
  deletion_window_in_days = 10
  enable_key_rotation     = true
}

resource "aws_kms_key" "legacy_reports" {
  description         = "Legacy reports key"
  enable_key_rotation = true
}
