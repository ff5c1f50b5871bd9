// A CDK app for the assembly tests: synthesized with the real aws-cdk-lib
// into the directory named by the first argument. Run it with
// `node --stack-trace-limit=100` so that creation stacks reach the frames in
// this file (Node keeps 10 frames by default, all inside aws-cdk-lib).
// The tests find the lines of the constructs below by their ids: keep each
// construct call on one line.
import cdk from "aws-cdk-lib";
import kms from "aws-cdk-lib/aws-kms";
import s3 from "aws-cdk-lib/aws-s3";

const outdir = process.argv[2];
if (!outdir) throw new Error("usage: node cdk-app.mjs OUTDIR");

class DataStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const dataKey = new kms.Key(this, "DataKey", {
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      pendingWindow: cdk.Duration.days(7),
    });
    new kms.Key(this, "RetainKey", { removalPolicy: cdk.RemovalPolicy.RETAIN });
    dataKey.addAlias("alias/data");
    new s3.Bucket(this, "DataBucket", {
      encryptionKey: dataKey,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
    const primary = new kms.Key(this, "GlobalKey", { multiRegion: true });
    new kms.CfnReplicaKey(this, "GlobalReplica", {
      primaryKeyArn: primary.keyArn,
      keyPolicy: { Version: "2012-10-17", Statement: [] },
    });
    new cdk.CfnOutput(this, "DataKeyArn", { value: dataKey.keyArn });
    const inner = new cdk.NestedStack(this, "Inner");
    new kms.Key(inner, "InnerKey", { removalPolicy: cdk.RemovalPolicy.DESTROY });
    new s3.Bucket(inner, "InnerBucket", { encryptionKey: dataKey });
  }
}

class KeyStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    this.key = new kms.Key(this, "StageKey", { enabled: false });
  }
}

class UserStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    new s3.Bucket(this, "UserBucket", { encryptionKey: props.key });
  }
}

const app = new cdk.App({ outdir });
new DataStack(app, "DataStack", { env: { account: "111122223333", region: "us-east-1" } });
const stage = new cdk.Stage(app, "Prod", { env: { account: "444455556666", region: "eu-west-1" } });
const keys = new KeyStack(stage, "Keys");
new UserStack(stage, "Users", { key: keys.key });
app.synth();
