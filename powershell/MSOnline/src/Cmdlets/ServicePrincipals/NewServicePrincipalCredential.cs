using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>New-MsolServicePrincipalCredential: adds a certificate (Asymmetric), a symmetric key
    /// or a password to a service principal. Like MSOnline it writes nothing to the pipeline;
    /// -WhatIf says what it would add.</summary>
    [Cmdlet(VerbsCommon.New, "MsolServicePrincipalCredential", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class NewServicePrincipalCredential : MsolCmdlet
    {
        private const string ByIdSet = "AddServicePrincipalCredentials__0";
        private const string BySpnSet = "AddServicePrincipalCredentialsBySpn__0";
        private const string ByAppSet = "AddServicePrincipalCredentialsByAppPrincipalId__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = BySpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string ServicePrincipalName { get; set; }

        [Parameter(ParameterSetName = ByAppSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid AppPrincipalId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ServicePrincipalCredentialType Type { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Value { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DateTime StartDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DateTime EndDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ServicePrincipalCredentialUsage Usage { get; set; }

        protected override object Target()
        {
            switch (ParameterSetName)
            {
                case BySpnSet: return ServicePrincipalName;
                case ByAppSet: return AppPrincipalId;
                default: return ObjectId;
            }
        }

        protected override void ProcessOne()
        {
            string type = MyInvocation.BoundParameters.ContainsKey("Type") ? Type.ToString() : ServicePrincipalCredentialType.Symmetric.ToString();
            Change(BoundBody(), Target().ToString(), "Add a " + type + " credential");
        }
    }
}
