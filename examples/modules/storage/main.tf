variable "name" {
  type = string
}

resource "aws_kms_key" "this" {
  for_each                 = toset([var.name])
  description              = "Log archive"
  customer_master_key_spec = "RSA_2048"
  deletion_window_in_days  = 30
}
